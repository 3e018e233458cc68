import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { LanguageSchema } from '../records';

const WorkspaceStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), schemaVersion: z.number().int() }),
  z.object({ state: z.literal('unavailable'), code: z.enum(ERROR_CODES), message: z.string() }),
]);

export const appChannels = {
  'app.status': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      workspace: WorkspaceStateSchema,
      /** null until the user picks one; the UI then follows the system language. */
      language: LanguageSchema.nullable(),
    }),
  },
  'settings.setLanguage': {
    input: z.object({ language: LanguageSchema }),
    output: z.object({ language: LanguageSchema }),
  },
} as const;
