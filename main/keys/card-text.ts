import { Encrypter } from 'age-encryption';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PublicCardSchema, type PublicCard } from '../../shared/contract/channels/keys';
import { Failure } from '../ipc/failure';

/**
 * A public card as one line of text a person pastes into e-mail or chat (and the QR code shows):
 *
 *   casebench-key-1:<base64url of {"n","o","s","r"} JSON>.<checksum>
 *
 * The number is the version of this format. The checksum is the first 6 bytes of SHA-256 over
 * everything before the dot, base64url: a mistyped or cut-off paste is caught before anyone is
 * asked to compare fingerprints. It is not a signature (anyone can make a card); the fingerprint,
 * compared by phone, is what ties a card to a person.
 */
export const CARD_TEXT_VERSION = 1;
const PREFIX = 'casebench-key-';
const CHECKSUM_CHARS = 8;

const CardJsonSchema = z.object({ n: z.string(), o: z.string(), s: z.string(), r: z.string() });

const checksum = (head: string) => createHash('sha256').update(head, 'utf8').digest().subarray(0, 6).toString('base64url');

export function encodeCard(card: PublicCard): string {
  const json = JSON.stringify({ n: card.name, o: card.organisation, s: card.signingKey, r: card.ageRecipient });
  const head = `${PREFIX}${CARD_TEXT_VERSION}:${Buffer.from(json, 'utf8').toString('base64url')}`;
  return `${head}.${checksum(head)}`;
}

const invalid = (message: string, empty = false): Failure =>
  new Failure('KEY_TEXT_INVALID', message, { text: { code: empty ? 'required' : 'invalid' } });

const COPY_AGAIN = 'Ask for it again and paste the whole line, from "casebench-key-" to its end.';

/**
 * Reads a card from pasted text. Forgiving about what mail and chat do to a long line (line
 * breaks, spaces, "> " quote marks, text around it); strict about the card itself.
 */
export function decodeCard(text: string): PublicCard {
  // Line breaks, spaces and quote marks are never part of the line: mail clients add them.
  const squeezed = text.replace(/[\s>]+/gu, '');
  if (squeezed === '') throw invalid('No public key was pasted.', true);
  const match = /casebench-key-(\d+):([A-Za-z0-9_-]*)(?:\.([A-Za-z0-9_-]{0,8}))?/u.exec(squeezed);
  if (!match) throw invalid(`This is not a Casebench public key: it starts with "${PREFIX}${CARD_TEXT_VERSION}:". ${COPY_AGAIN}`);
  const [, version, payload = '', sum] = match;
  if (Number(version) > CARD_TEXT_VERSION) {
    throw invalid(`This public key was made by a newer Casebench (key format ${version}); update Casebench to read it.`);
  }
  if (Number(version) !== CARD_TEXT_VERSION || sum === undefined || sum.length !== CHECKSUM_CHARS) {
    throw invalid(`This public key is cut off or damaged. ${COPY_AGAIN}`);
  }
  if (checksum(`${PREFIX}${version}:${payload}`) !== sum) {
    throw invalid(`This public key was changed or cut off on the way (its checksum does not match). ${COPY_AGAIN}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid(`This public key is damaged. ${COPY_AGAIN}`);
  }
  const raw = CardJsonSchema.safeParse(json);
  if (!raw.success) throw invalid(`This public key is damaged. ${COPY_AGAIN}`);
  return checkedCard({ name: raw.data.n, organisation: raw.data.o, signingKey: raw.data.s, ageRecipient: raw.data.r });
}

/** A card from anywhere (pasted, a bundle's sender): valid by the schema, and its age recipient by age itself. */
export function checkedCard(input: unknown): PublicCard {
  const parsed = PublicCardSchema.safeParse(input);
  if (!parsed.success || !isAgeRecipient(parsed.data.ageRecipient)) {
    throw invalid(`This public key does not hold a valid name and keys. ${COPY_AGAIN}`);
  }
  return parsed.data;
}

/** age's own parser checks the bech32 checksum and length (the library, not a second bech32 decoder here). */
function isAgeRecipient(recipient: string): boolean {
  try {
    new Encrypter().addRecipient(recipient);
    return true;
  } catch {
    return false;
  }
}
