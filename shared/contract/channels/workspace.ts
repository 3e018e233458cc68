import { z } from 'zod';

/**
 * The workspace lock (issue 7): an encrypted workspace opens with its passphrase (or the printed
 * recovery code), locks on demand or when idle, and a plain one can be encrypted in place.
 * Passphrases cross this boundary only as inputs; no output, error or log carries one.
 */
const Passphrase = z.string().min(1).max(1024);
export const UnlockSecretSchema = z.object({
  kind: z.enum(['passphrase', 'recoveryCode']),
  secret: Passphrase,
});
const RecoveryCode = z.object({
  /** 8 groups of 5 Crockford base32 characters; shown once, printable. */
  recoveryCode: z.string(),
});

export const PassphraseStrengthSchema = z.object({
  /** zxcvbn's 0–4; 3 is the least a workspace passphrase may score. */
  score: z.number().int().min(0).max(4),
  acceptable: z.boolean(),
  /** zxcvbn feedback keys (the UI translates them under workspaceLock.feedback). */
  warning: z.string().nullable(),
  suggestions: z.array(z.string()),
});
export type PassphraseStrength = z.infer<typeof PassphraseStrengthSchema>;

/** Idle minutes before the app locks itself; null never. */
export const IdleLockSchema = z.number().int().min(1).max(24 * 60).nullable();

export const WorkspaceSecuritySchema = z.object({
  encrypted: z.boolean(),
  idleLockMinutes: IdleLockSchema,
  keychain: z.object({
    /** null: the OS keychain protects what it keeps; otherwise why it would not. */
    unprotectedReason: z.enum(['unavailable', 'plain-text']).nullable(),
    enabled: z.boolean(),
  }),
});
export type WorkspaceSecurity = z.infer<typeof WorkspaceSecuritySchema>;

export const workspaceChannels = {
  'workspace.create': { input: z.object({ passphrase: Passphrase }), output: RecoveryCode },
  'workspace.unlock': { input: UnlockSecretSchema, output: z.object({}) },
  'workspace.lock': { input: z.object({}), output: z.object({}) },
  'workspace.changePassphrase': {
    input: z.object({ current: UnlockSecretSchema, next: Passphrase }),
    output: z.object({}),
  },
  'workspace.showRecoveryCode': { input: z.object({ passphrase: Passphrase }), output: RecoveryCode },
  'workspace.encryptExisting': { input: z.object({ passphrase: Passphrase }), output: RecoveryCode },
  'workspace.passphraseStrength': { input: z.object({ passphrase: z.string().max(1024) }), output: PassphraseStrengthSchema },
  'workspace.security': { input: z.object({}), output: WorkspaceSecuritySchema },
  'workspace.setIdleLock': { input: z.object({ minutes: IdleLockSchema }), output: WorkspaceSecuritySchema },
  'workspace.setKeychain': {
    input: z.object({ enabled: z.boolean(), passphrase: Passphrase.optional() }),
    output: WorkspaceSecuritySchema,
  },
} as const;
