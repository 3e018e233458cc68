import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a printed code cannot be misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_GROUPS = 8;
export const RECOVERY_GROUP_LENGTH = 5;
const LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;

/** 8 groups of 5 characters: 200 random bits, written as XXXXX-XXXXX-… */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32, so taking each byte modulo 32 is unbiased.
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return formatRecoveryCode(chars);
}

function formatRecoveryCode(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += RECOVERY_GROUP_LENGTH) groups.push(chars.slice(i, i + RECOVERY_GROUP_LENGTH));
  return groups.join('-');
}

/**
 * What a person typed from the printout, in the canonical form: case, spaces and hyphens ignored,
 * and the letters Crockford reads as digits (I, L → 1; O → 0) mapped. null if it cannot be a code.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const chars = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (chars.length !== LENGTH || [...chars].some((c) => !ALPHABET.includes(c))) return null;
  return formatRecoveryCode(chars);
}
