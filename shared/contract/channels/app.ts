import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { LanguageSchema, line, requiredLine } from '../records';

const WorkspaceStateSchema = z.discriminatedUnion('state', [
  /** encrypted: the database is SQLCipher-encrypted under a passphrase (false: a plain workspace, from before). */
  z.object({ state: z.literal('ready'), schemaVersion: z.number().int(), encrypted: z.boolean() }),
  /** No workspace in the folder yet: create one with a passphrase. */
  z.object({ state: z.literal('new') }),
  /** Encrypted and locked: it opens with the passphrase or the recovery code. */
  z.object({ state: z.literal('locked') }),
  z.object({ state: z.literal('unavailable'), code: z.enum(ERROR_CODES), message: z.string() }),
]);

/** Who is working: set once on first use and stamped on every history and custody event. */
export const IdentitySchema = z.object({
  name: requiredLine(200),
  organisation: line(200),
});
export type Identity = z.infer<typeof IdentitySchema>;

/** How an identity is stamped on events: "Aiko Tanaka (Human Rights Now)" (the UI compares it with authors). */
export const actorOf = (identity: Identity): string =>
  identity.organisation ? `${identity.name} (${identity.organisation})` : identity.name;

export const appChannels = {
  'app.status': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      workspace: WorkspaceStateSchema,
      /** null until the user picks one; the UI then follows the system language. */
      language: LanguageSchema.nullable(),
      /** null until the investigator has said who they are. */
      identity: IdentitySchema.nullable(),
    }),
  },
  'identity.set': { input: IdentitySchema, output: IdentitySchema },
  'settings.setLanguage': {
    input: z.object({ language: LanguageSchema }),
    output: z.object({ language: LanguageSchema }),
  },
} as const;
