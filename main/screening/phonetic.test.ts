import { describe, expect, it } from 'vitest';
import { readList } from '../lists/read-list';
import { fixture } from '../lists/test-fixtures';
import { coarseSkeleton, rotatedSkeleton } from './phonetic';
import { nameTokens } from './name-keys';

/**
 * The skeleton as version 10 made it, rewrite after rewrite: coarseSkeleton now does it in one
 * pass over the letters, and must give the same skeleton for every token (keys depend on it).
 */
const SEQUENCES = /ng|[gq]h|[td]h|ph|sch|tch|dzh|zh|ch|dj|sh|ts|tz|[jszx]|[fh]/g;
const sequenceClass = (m: string): string =>
  m === 'ng' ? 'N' : m === 'gh' || m === 'qh' ? 'K' : m === 'th' || m === 'dh' ? 'T' : m === 'ph' || m === 'f' || m === 'h' ? 'H' : 'S';
const LETTER_CLASSES: Record<string, string> = { b: 'P', p: 'P', t: 'T', d: 'T', k: 'K', g: 'K', c: 'K', q: 'K', l: 'R', r: 'R', m: 'M', n: 'N' };
function reference(token: string, reading: { kh: 'h' | 'k'; th: 't' | 's' } = { kh: 'h', th: 't' }): string {
  let s = token.toLowerCase().replace(/[^a-z]/g, '');
  if (s === '') return '';
  s = s
    .replace(/kh/g, reading.kh)
    .replace(/th/g, reading.th)
    .replace(/^wu/, 'u')
    .replace(/(?<=[aeiou])h$/, '')
    .replace(/(?<=.)v(?=$|[kstpc])/g, 'f')
    .replace(/([bcdfghkmnpqrstxz])w/g, '$1')
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy]|$)/g, 's')
    .replace(/ck/g, 'k')
    .replace(/[td](?=i)/g, 'j')
    .replace(/s(?=i)/g, 'sh')
    .replace(SEQUENCES, sequenceClass)
    .replace(/[bptdkgcqlrmn]/g, (c) => LETTER_CLASSES[c]!)
    .replace(/N(?=[MP])/g, 'M');
  const first = /^[aeiouyvw]/.test(s) ? 'A' : '';
  return (first + s.replace(/[a-z]/g, '')).replace(/(.)\1+/g, '$1');
}

/** The tokens of every name in three real lists' excerpts. */
async function fixtureNames(): Promise<string[][]> {
  const names: string[][] = [];
  for (const [folder, name] of [['un', 'un_consolidated_2026-02-27_excerpt.xml'], ['uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml'], ['eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml']] as const) {
    const { entries } = await readList([{ path: fixture(folder, name), name }]);
    for (const entry of entries) for (const n of entry.names) names.push(nameTokens(n.value));
  }
  return names;
}

/** Random strings of 1–10 letters, weighted to the letters the rules are about. */
function randomTokens(count: number): string[] {
  let seed = 42;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x80000000);
  const letters = 'abcdefghijklmnopqrstuvwxyzhhhsscnntdkgvwxzij';
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    for (let n = 1 + Math.floor(next() * 10); n > 0; n--) t += letters[Math.floor(next() * letters.length)];
    tokens.push(t);
  }
  return tokens;
}

describe('sound skeletons', () => {
  it('are what the rewrite rules make, for every name token of the real lists and for random letters', async () => {
    const tokens = new Set<string>(['', 'wu', 'h', 'ah', 'v', 'xv', 'nmb', 'anmp', 'dzhon', 'tschtsch', 'khath', 'Müller', "O'Brien", 'ngh', 'sci', 'ck', 'cc']);
    for (const words of await fixtureNames()) {
      for (const t of words) tokens.add(t);
      tokens.add(words.join(''));
    }
    for (const t of randomTokens(20000)) tokens.add(t);
    expect(tokens.size).toBeGreaterThan(15000);
    for (const t of tokens) {
      expect(coarseSkeleton(t), t).toBe(reference(t));
      expect(coarseSkeleton(t, { kh: 'k', th: 's' }), t).toBe(reference(t, { kh: 'k', th: 's' }));
    }
  });

  it('of a name written together from any part round it, without making the string (rotatedSkeleton)', async () => {
    const names = await fixtureNames();
    const random = randomTokens(3000);
    // Names of 1 to 4 random parts.
    for (let i = 0, parts = 1; i + parts <= random.length; i += parts, parts = (parts % 4) + 1) names.push(random.slice(i, i + parts));
    // Joins the rules act on (kh, th, wu, a final h, v, w, x, c, ti/si), and a token outside a–z.
    names.push(['mikh', 'ail'], ['ivan', 'wu'], ['shah', 'ic'], ['lav', 'rov'], ['ab', 'wali'], ['x', 'ci'], ['hasan', 'li3'], ['kim', 'Jong']);
    let compared = 0;
    for (const tokens of names) {
      for (let from = 0; from < tokens.length; from++) {
        expect(rotatedSkeleton(tokens, from), tokens.join(' ')).toBe(coarseSkeleton([...tokens.slice(from), ...tokens.slice(0, from)].join('')));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
