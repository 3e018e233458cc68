import fs from 'node:fs';
import path from 'node:path';
import {
  DOCUMENT_FONT_WEIGHTS,
  fontFileName,
  manifestFromNodeModules,
  MANIFEST_FILE,
  type FontManifest,
} from './font-packages';

/** Where fonts are referenced from in a document's HTML: relative, so the app's own origin serves them. */
export const FONT_URL_PREFIX = 'fonts/';

type Range = readonly [number, number];

interface Subset {
  key: string;
  unicodeRange: string;
  ranges: Range[];
}

interface Family {
  id: string;
  family: string;
  role: 'serif' | 'sans' | 'fallback';
  subsets: Subset[];
  /** Every range of every subset, sorted and merged, for coverage look-ups. */
  coverage: Range[];
}

export interface FontLibrary {
  /** CSS font-family lists: the body's serif, the headings' and tables' sans; each followed by the fallbacks. */
  serif: string;
  sans: string;
  /** The distinct characters of `text` the fonts cannot print (whitespace and invisible format characters aside). */
  unprintable(text: string): string[];
  /** @font-face rules (both weights, every family) for exactly the subsets `text` needs. */
  fontFaceCss(text: string): string;
  /** The file a document's font URL names, or null for anything that is not one of our fonts. */
  filePath(url: string): string | null;
}

function parseRanges(unicodeRange: string): Range[] {
  const ranges: Range[] = [];
  for (const part of unicodeRange.split(',')) {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) continue;
    const from = parseInt(match[1]!, 16);
    ranges.push([from, match[2] ? parseInt(match[2], 16) : from]);
  }
  return ranges;
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function covers(ranges: readonly Range[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Characters that need no glyph: white space and invisible format characters (ZWJ, ZWNJ, BOM …). */
const NEEDS_NO_GLYPH = /[\s\p{Cf}\p{Cc}]/u;

function libraryOf(manifest: FontManifest, fileOf: (familyId: string, file: string) => string): FontLibrary {
  const families: Family[] = manifest.families.map((f) => {
    const subsets = Object.entries(f.subsets).map(([key, unicodeRange]) => ({ key, unicodeRange, ranges: parseRanges(unicodeRange) }));
    return { id: f.id, family: f.family, role: f.role, subsets, coverage: merge(subsets.flatMap((s) => s.ranges)) };
  });
  const byRole = (role: Family['role']) => families.filter((f) => f.role === role);
  const fallbacks = byRole('fallback');
  const stackOf = (main: Family[]) => [...main, ...fallbacks];
  const serifStack = stackOf(byRole('serif'));
  const sansStack = stackOf(byRole('sans'));
  const cssList = (stack: Family[]) => stack.map((f) => `'${f.family}'`).join(', ');
  const stackCovers = (stack: Family[], cp: number) => stack.some((f) => covers(f.coverage, cp));
  const files = new Map<string, string>();
  for (const family of families) {
    for (const subset of family.subsets) {
      for (const weight of DOCUMENT_FONT_WEIGHTS) {
        const name = fontFileName(family.id, subset.key, weight);
        files.set(name, fileOf(family.id, name));
      }
    }
  }

  const codePoints = (text: string): Set<number> => {
    const set = new Set<number>();
    for (const ch of text) set.add(ch.codePointAt(0)!);
    return set;
  };

  return {
    serif: cssList(serifStack),
    sans: cssList(sansStack),
    unprintable(text) {
      const missing: string[] = [];
      for (const cp of codePoints(text)) {
        const ch = String.fromCodePoint(cp);
        if (NEEDS_NO_GLYPH.test(ch)) continue;
        // Both stacks must have it: a name is set in the body's serif and in the headings' sans.
        if (!stackCovers(serifStack, cp) || !stackCovers(sansStack, cp)) missing.push(ch);
      }
      return missing;
    },
    fontFaceCss(text) {
      const cps = [...codePoints(text)];
      const mains = families.filter((f) => f.role !== 'fallback');
      // A fallback family is asked only for what the Japanese families lack (their Latin subsets stay out).
      const lacking = cps.filter((cp) => !mains.every((f) => covers(f.coverage, cp)));
      const rules: string[] = [];
      for (const family of families) {
        const wanted = family.role === 'fallback' ? lacking : cps;
        for (const subset of family.subsets) {
          if (!wanted.some((cp) => covers(subset.ranges, cp))) continue;
          for (const weight of DOCUMENT_FONT_WEIGHTS) {
            rules.push(
              `@font-face{font-family:'${family.family}';font-style:normal;font-weight:${weight};font-display:block;` +
                `src:url(${FONT_URL_PREFIX}${fontFileName(family.id, subset.key, weight)}) format('woff2');unicode-range:${subset.unicodeRange}}`,
            );
          }
        }
      }
      return rules.join('\n');
    },
    filePath(url) {
      const name = url.startsWith(FONT_URL_PREFIX) ? url.slice(FONT_URL_PREFIX.length) : url;
      return files.get(name) ?? null;
    },
  };
}

/** Fonts as the renderer build ships them: a folder of woff2 files and their manifest. */
export function fontLibraryFromDir(dir: string): FontLibrary {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as FontManifest;
  return libraryOf(manifest, (_id, file) => path.join(dir, file));
}

/** Fonts straight from the installed packages (tests and development, before a build). */
export function fontLibraryFromNodeModules(nodeModules: string): FontLibrary {
  return libraryOf(manifestFromNodeModules(nodeModules), (id, file) => path.join(nodeModules, '@fontsource', id, 'files', file));
}

const cache = new Map<string, FontLibrary>();

/** This module's folder: __dirname in the CommonJS bundle and under Vitest; run as an ES module (tsx), the source folder. */
const here = (): string => (typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'documents', 'fonts'));

/**
 * The app's fonts: the folder given, else dist/renderer/fonts beside the bundle (dist/main/*.cjs),
 * else the installed packages (running from source).
 */
export function documentFonts(dir?: string): FontLibrary {
  const candidates = dir ? [dir] : [path.join(here(), '..', 'renderer', 'fonts')];
  for (const candidate of candidates) {
    if (!fs.existsSync(path.join(candidate, MANIFEST_FILE))) continue;
    const hit = cache.get(candidate) ?? fontLibraryFromDir(candidate);
    cache.set(candidate, hit);
    return hit;
  }
  if (dir) throw new Error('The document fonts folder has no manifest; run the build.');
  const nodeModules = findNodeModules();
  const hit = cache.get(nodeModules) ?? fontLibraryFromNodeModules(nodeModules);
  cache.set(nodeModules, hit);
  return hit;
}

function findNodeModules(): string {
  for (let at = here(); ; at = path.dirname(at)) {
    const candidate = path.join(at, 'node_modules');
    if (fs.existsSync(path.join(candidate, '@fontsource'))) return candidate;
    if (path.dirname(at) === at) throw new Error('The document fonts are not installed (@fontsource/noto-sans-jp).');
  }
}
