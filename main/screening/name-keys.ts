import anyAscii from 'any-ascii';

/**
 * Blocking keys for screening: the short strings under which a name is indexed so that candidates
 * for a subject's name can be found without comparing against every entry. Two names that should
 * be compared must share at least one key. FIRST VERSION — the matching work refines this.
 */
export const NAME_KEYS_VERSION = 1;

/** Lower-case ASCII tokens of a name in any script. */
export function nameTokens(value: string): string[] {
  return anyAscii(value)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** The keys a name is indexed under. */
export function nameKeys(value: string): string[] {
  return [...new Set(nameTokens(value).filter((token) => token.length >= 2))];
}
