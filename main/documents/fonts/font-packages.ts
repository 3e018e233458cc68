import fs from 'node:fs';
import path from 'node:path';

/**
 * The fonts proposal documents are set in: Fontsource's packages of Google's Noto fonts, woff2
 * files sliced by unicode-range (a page loads only the slices its text needs). Only these files,
 * from the app's own folder, ever reach the print page; no system font and no `local()`.
 *
 * Noto Serif JP (body) and Noto Sans JP (headings, tables) are required and installed. The others
 * cover scripts the Japanese fonts lack (simplified and traditional Chinese hanzi outside JIS,
 * Hangul, Burmese, Arabic): each is used when its package is installed, and where none is, text in
 * that script is refused with a message instead of printing as empty boxes.
 */
export interface FontPackage {
  /** The Fontsource package id: @fontsource/<id>, and the prefix of its file names. */
  id: string;
  family: string;
  role: 'serif' | 'sans' | 'fallback';
  required: boolean;
}

export const DOCUMENT_FONT_PACKAGES: readonly FontPackage[] = [
  { id: 'noto-serif-jp', family: 'Noto Serif JP', role: 'serif', required: true },
  { id: 'noto-sans-jp', family: 'Noto Sans JP', role: 'sans', required: true },
  { id: 'noto-sans-sc', family: 'Noto Sans SC', role: 'fallback', required: false },
  { id: 'noto-sans-tc', family: 'Noto Sans TC', role: 'fallback', required: false },
  { id: 'noto-sans-kr', family: 'Noto Sans KR', role: 'fallback', required: false },
  { id: 'noto-sans-myanmar', family: 'Noto Sans Myanmar', role: 'fallback', required: false },
  { id: 'noto-sans-arabic', family: 'Noto Sans Arabic', role: 'fallback', required: false },
];

/** Regular and bold: nothing in a document uses another weight, so no other weight is shipped. */
export const DOCUMENT_FONT_WEIGHTS = [400, 700] as const;

/** Fontsource's unicode.json: subset key ("[12]", "latin" …) → CSS unicode-range. */
export type UnicodeSubsets = Record<string, string>;

export interface FontManifest {
  version: 1;
  families: { id: string; family: string; role: FontPackage['role']; subsets: UnicodeSubsets }[];
}

export const MANIFEST_FILE = 'manifest.json';

/** "[12]" → "12", "latin" → "latin": how the subset appears in file names. */
export const subsetName = (key: string): string => key.replace(/^\[(\d+)\]$/, '$1');

export const fontFileName = (id: string, subsetKey: string, weight: number): string =>
  `${id}-${subsetName(subsetKey)}-${weight}-normal.woff2`;

/** The packages installed under a node_modules folder, as a manifest (their own unicode.json). */
export function manifestFromNodeModules(nodeModules: string): FontManifest {
  const families: FontManifest['families'] = [];
  for (const pkg of DOCUMENT_FONT_PACKAGES) {
    const file = path.join(nodeModules, '@fontsource', pkg.id, 'unicode.json');
    if (!fs.existsSync(file)) {
      if (pkg.required) throw new Error(`@fontsource/${pkg.id} is not installed; proposal documents need it.`);
      continue;
    }
    const subsets = JSON.parse(fs.readFileSync(file, 'utf8')) as UnicodeSubsets;
    families.push({ id: pkg.id, family: pkg.family, role: pkg.role, subsets });
  }
  return { version: 1, families };
}

/**
 * Copies the woff2 files documents use (the weights above, every subset, of every installed
 * package) and a manifest into `outDir`: run by the renderer build into dist/renderer/fonts, which
 * both shells serve and electron-builder packs.
 */
export function copyDocumentFonts(nodeModules: string, outDir: string): { files: number; bytes: number } {
  const manifest = manifestFromNodeModules(nodeModules);
  fs.mkdirSync(outDir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const family of manifest.families) {
    for (const key of Object.keys(family.subsets)) {
      for (const weight of DOCUMENT_FONT_WEIGHTS) {
        const name = fontFileName(family.id, key, weight);
        const from = path.join(nodeModules, '@fontsource', family.id, 'files', name);
        fs.copyFileSync(from, path.join(outDir, name));
        files++;
        bytes += fs.statSync(from).size;
      }
    }
  }
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), JSON.stringify(manifest));
  return { files, bytes };
}
