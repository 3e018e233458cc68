import { z } from 'zod';
import { IdentitySchema } from './app';
import { IdSchema } from '../records';

/**
 * Investigators' keys and colleagues (issue 5; main/keys). A person's public card — name,
 * organisation, Ed25519 signing key, age recipient — travels as one line of text
 * ("casebench-key-1:…") pasted into e-mail or chat, or as a QR code of that line. Adding a
 * colleague is two steps: 'keys.readCard' decodes pasted text and says how it stands against the
 * list (nothing is written), then 'keys.addColleague' adds it once the user has compared the
 * fingerprint with the colleague by phone.
 */

/** How long pasted text may be: a card is about 250 characters; this leaves room for a whole e-mail. */
export const KEY_TEXT_MAX = 20_000;

/** Raw 32-byte Ed25519 public key, standard base64 with padding. */
export const SigningKeySchema = z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/);
/** An age X25519 recipient (bech32, 32 bytes); main/keys also checks its bech32 checksum. */
export const AgeRecipientSchema = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/);

export const PublicCardSchema = z.object({
  name: IdentitySchema.shape.name,
  organisation: IdentitySchema.shape.organisation,
  signingKey: SigningKeySchema,
  ageRecipient: AgeRecipientSchema,
});
export type PublicCard = z.infer<typeof PublicCardSchema>;

export const COLLEAGUE_SOURCES = ['pasted', 'bundle'] as const;

export const ColleagueSchema = PublicCardSchema.extend({
  id: IdSchema,
  /** 12 groups of 5 digits, to read aloud by phone (main/keys/fingerprint.ts). */
  fingerprint: z.string(),
  addedAt: z.string(),
  addedFrom: z.enum(COLLEAGUE_SOURCES),
});
export type Colleague = z.infer<typeof ColleagueSchema>;

/** How a card (a pasted one, or a bundle's sender) stands against this workspace's keys and colleagues. */
export const SignerStandingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('known'), colleague: ColleagueSchema }),
  z.object({ kind: z.literal('unknown') }),
  /** A colleague of this name is already known with another key: not the same key, maybe not the same person. */
  z.object({ kind: z.literal('name-mismatch'), colleague: ColleagueSchema }),
]);
export type SignerStanding = z.infer<typeof SignerStandingSchema>;

const KeyTextSchema = z.string().max(KEY_TEXT_MAX);

export const keyChannels = {
  /** My public card, as the line to paste and its fingerprint; the key pair is made on the first call. */
  'keys.own': {
    input: z.object({}),
    output: z.object({ card: PublicCardSchema, text: z.string(), fingerprint: z.string() }),
  },
  'keys.colleagues': { input: z.object({}), output: z.object({ colleagues: z.array(ColleagueSchema) }) },
  /** Step 1 of adding: decode pasted text (KEY_TEXT_INVALID if it is not a whole card); writes nothing. */
  'keys.readCard': {
    input: z.object({ text: KeyTextSchema }),
    output: z.object({ card: PublicCardSchema, fingerprint: z.string(), standing: SignerStandingSchema }),
  },
  /**
   * Step 2: add the card the user confirmed. `fingerprint` is the one they compared by phone: if
   * the text now decodes to another, nothing is added (BAD_REQUEST). A known key is returned as
   * it is; a known name with another key is added beside that colleague, never over them.
   */
  'keys.addColleague': {
    input: z.object({ text: KeyTextSchema, fingerprint: z.string().max(100) }),
    output: z.object({ colleague: ColleagueSchema, standing: SignerStandingSchema }),
  },
  'keys.removeColleague': { input: z.object({ id: IdSchema }), output: z.object({ id: IdSchema }) },
} as const;
