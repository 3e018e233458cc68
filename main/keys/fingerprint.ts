import { createHash } from 'node:crypto';
import type { PublicCard } from '../../shared/contract/channels/keys';

/** Domain separation: these hashes mean "this person's two public keys", nothing else. */
const LABEL = 'casebench-fingerprint-1';
const GROUPS = 12;
const DIGITS_PER_GROUP = 5;

/**
 * A fingerprint two people compare by phone: SHA-256 over both public keys, as 12 groups of 5
 * digits ("48210 93712 …"), like Signal's safety numbers. Digits, because they read aloud the
 * same way in Japanese and English with no spelling and no look-alike letters; groups of five, so
 * that a listener can say "yes" after each. 60 digits keep about 199 of the hash's 256 bits (the
 * 256-bit number taken modulo 10^60), far beyond what anyone can forge a second key pair for.
 * Both keys are hashed in their canonical text forms (base64 of 32 bytes, lowercase bech32),
 * which the card schema admits only one way, so the same keys always give the same digits.
 */
export function fingerprint(card: Pick<PublicCard, 'signingKey' | 'ageRecipient'>): string {
  const digest = createHash('sha256').update(`${LABEL}\n${card.signingKey}\n${card.ageRecipient}`, 'utf8').digest('hex');
  const digits = (BigInt(`0x${digest}`) % 10n ** BigInt(GROUPS * DIGITS_PER_GROUP)).toString().padStart(GROUPS * DIGITS_PER_GROUP, '0');
  return digits.match(new RegExp(`\\d{${DIGITS_PER_GROUP}}`, 'g'))!.join(' ');
}
