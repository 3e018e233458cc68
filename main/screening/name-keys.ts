import { prepareName, type PreparedName } from './name-match';
import { rotatedSkeleton } from './phonetic';

/**
 * Blocking keys for screening: the short strings under which a name is indexed so that candidates
 * for a subject's name can be found without comparing against every entry. Two names that should
 * be compared must share at least one key. Five kinds:
 *
 * - `j:SNSNSR`  the sound skeleton of the whole name written together, from each part in turn
 *               (at most 4 parts; particles left out, and also kept when there are some): finds
 *               Zhuhailun and MinAungHlaing in either name order, QasimAlrimi, ヒダーヤトゥッラー for
 *               HIDAYATULLAH, and チャン・ソンチョル (2 parts) for JANG SONG CHOL (3 parts).
 * - `p:C.HRN`  two parts' sound skeletons, paired with the next part round the name: finds
 *               ミン・アウン・フライン for HLAING, Min Aung whatever the order, and names with a part
 *               more or less.
 * - `i:hlaing.m`  the first part with the initial of the second, and the last part with the initial
 *               of the first: finds M. A. Hlaing and K. Al-Mahmud where the surname alone is
 *               common (Kim, Muhammad).
 * - `s:HRN`    for names of two parts only, each part's sound skeleton: with one part unlike
 *               (Peter → ペーター), a two-part name has no pair left to find it by.
 * - `t:komid`  a one-part name as written (3+ letters).
 *
 * The index holds only these (the store calls nameKeys for every name it imports: about 8 keys
 * and 12–18 µs a name; a million entities with their aliases make tens of millions of keys, so
 * each kind must earn its place); a subject's query asks for more (every part, every pair,
 * see queryKeys). Keys shared by too many entries are skipped at query time. Bump NAME_KEYS_VERSION
 * whenever the keys of a name change: lists indexed with an older version are re-indexed before
 * the next screening.
 */
export const NAME_KEYS_VERSION = 11;

const MAX_KEY_TOKENS = 8;
const MAX_ROTATED = 4;

/** Lower-case ASCII tokens of a name in any script (romanised; see romanise.ts). */
export function nameTokens(value: string): string[] {
  return prepareName(value).tokens;
}

const core = (name: PreparedName) =>
  name.tokens
    .map((token, i) => ({ token, skeletons: name.coarse[i]! }))
    .filter((p, i) => !name.noise[i] && p.token.length >= 2)
    .slice(0, MAX_KEY_TOKENS);

const pairKey = (a: string, b: string) => (a < b ? `p:${a}.${b}` : `p:${b}.${a}`);

function addPairs(keys: Set<string>, a: string[], b: string[]): void {
  for (const x of a) for (const y of b) if (x && y) keys.add(pairKey(x, y));
}

/**
 * The sound skeleton of the parts written together (1–4 parts), from each part in turn (the name
 * in every order round it). Made from the joined letters, not from the parts' skeletons: a name
 * written in one word has its sounds across the joins (Anas Hasan → anashasan, "sh").
 */
function addSounded(keys: Set<string>, tokens: string[]): void {
  if (tokens.length === 0 || tokens.length > MAX_ROTATED) return;
  for (let r = 0; r < tokens.length; r++) {
    const skeleton = rotatedSkeleton(tokens, r);
    if (skeleton.length >= 2) keys.add(`j:${skeleton}`);
  }
}

/** The keys a name is indexed under. */
export function nameKeys(value: string): string[] {
  return indexKeys(prepareName(value));
}

/**
 * A key as the index stores it: a 53-bit integer (cyrb53, public domain; an exact JS number and a
 * SQLite INTEGER), so that a million entities' keys take 8 bytes each rather than their text. Two
 * keys with one hash only merge their candidates, which the name comparison then sorts out; with
 * tens of millions of keys that happens to a handful of them.
 */
export function keyHash(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hashed keys of a name (what the store writes). */
export const nameKeyHashes = (value: string): number[] => nameKeys(value).map(keyHash);

export function indexKeys(name: PreparedName): string[] {
  const parts = core(name);
  const keys = new Set<string>();
  if (parts.length === 1 && parts[0]!.token.length >= 3) keys.add(`t:${parts[0]!.token}`);
  if (parts.length >= 2) {
    keys.add(`i:${parts[0]!.token}.${parts[1]!.token[0]}`);
    keys.add(`i:${parts.at(-1)!.token}.${parts[0]!.token[0]}`);
  }
  addSounded(keys, parts.map((p) => p.token));
  const withParticles = name.tokens.filter((t) => t.length >= 2);
  if (withParticles.length > parts.length) addSounded(keys, withParticles.slice(0, MAX_KEY_TOKENS));
  if (parts.length === 2) {
    addPairs(keys, parts[0]!.skeletons, parts[1]!.skeletons);
    for (const part of parts) for (const skeleton of part.skeletons) if (skeleton) keys.add(`s:${skeleton}`);
  }
  if (parts.length >= 3) {
    parts.forEach((p, i) => addPairs(keys, p.skeletons, parts[(i + 1) % parts.length]!.skeletons));
  }
  return [...keys];
}

/**
 * The keys to look a subject's name up by: its own index keys, every part (3+ letters), every pair
 * of its parts (any two parts of an entry's name that sit next to each other round the name are
 * found), and each part's sound on its own (a subject written Zhuhailun, an entry ZHU Hailun).
 */
export function queryKeys(name: PreparedName): string[] {
  const keys = new Set(indexKeys(name));
  const parts = core(name);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) addPairs(keys, parts[i]!.skeletons, parts[j]!.skeletons);
  }
  // Every part with the initial of every other part or initial (M. A. Hlaing: hlaing.m, hlaing.a).
  const initials = name.tokens.filter((t, i) => t.length === 1 || !name.noise[i]).map((t) => t[0]!);
  for (const { token } of parts) for (const initial of initials) if (initial !== token[0] || initials.length > 1) keys.add(`i:${token}.${initial}`);
  for (const { token, skeletons } of parts) {
    if (token.length >= 3) keys.add(`t:${token}`);
    for (const skeleton of skeletons.slice(0, 1)) if (skeleton.length >= 2) keys.add(`j:${skeleton}`);
    for (const skeleton of skeletons) if (skeleton) keys.add(`s:${skeleton}`);
  }
  return [...keys];
}
