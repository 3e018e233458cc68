import { z } from 'zod';
import { ListFileProblemSchema } from '../domain/list-notes';

/**
 * Every failure that crosses the IPC boundary is one of these codes. The UI translates the code;
 * `message` is a plain English sentence for logs and for people reading a bug report. Neither ever
 * holds a stack trace or a path on the user's machine.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CASE_CLOSED',
  'UNKNOWN_CHANNEL',
  'BAD_REQUEST',
  'FORBIDDEN',
  'WORKSPACE_READ_ONLY',
  'WORKSPACE_LOCKED',
  'WORKSPACE_CORRUPT',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_UNAVAILABLE',
  /** The passphrase or recovery code does not open this encrypted workspace (no hint of which part). */
  'WORKSPACE_PASSPHRASE_WRONG',
  /** A new passphrase zxcvbn scores below 3 of 4; nothing was changed. */
  'WORKSPACE_PASSPHRASE_WEAK',
  /** The key file beside the database is damaged or missing: no passphrase can open the workspace. */
  'WORKSPACE_KEY_FILE_DAMAGED',
  /** The workspace is encrypted and locked (idle or on demand): unlock it first. */
  'WORKSPACE_NOT_UNLOCKED',
  /** The OS keychain cannot keep the key protected here (unavailable, or Linux's plain-text fallback). */
  'KEYCHAIN_UNAVAILABLE',
  'DISK_FULL',
  /** A sanctions-list file that cannot be read as a list; the message names the file and where. */
  'LIST_UNREADABLE',
  /** Rich text (a finding, a statement of reasons) that is not a document the editor writes: a node type it does not support, a bad shape. */
  'RICH_TEXT_INVALID',
  /** Rich text over the size limit (fields.body.max is the limit). */
  'RICH_TEXT_TOO_LARGE',
  /** Saved on top of a revision someone else has replaced since it was read; nothing was overwritten. */
  'REVISION_CONFLICT',
  /** A proposal document the case data cannot yet support (the message lists what to fix); nothing was issued. */
  'DOCUMENT_INCOMPLETE',
  /** Chromium could not print the document; nothing was issued. */
  'PRINT_FAILED',
  /** The folder chosen for an export cannot be written to; nothing was written. */
  'EXPORT_FOLDER_UNWRITABLE',
  /** A stage gate with unmet checks and no justification, or a check no justification moves past. */
  'GATE_UNMET',
  /** The person who submitted a case for review tried to review it. */
  'REVIEWER_IS_AUTHOR',
  /** The case moved (advanced, returned, reviewed) since the user looked at it; nothing was changed. */
  'STAGE_CHANGED',
  /** Screening asked for while no sanctions list has been imported. */
  'NO_LISTS_LOADED',
  /** Pasted text that is not a whole Casebench public key (a card): cut off, changed, or something else. */
  'KEY_TEXT_INVALID',
  /** The investigator has not yet said who they are (name, organisation), which their public card needs. */
  'IDENTITY_REQUIRED',
  /** The file is not a case bundle (not age-encrypted, or its contents are not a bundle). */
  'BUNDLE_NOT_A_BUNDLE',
  /** The passphrase does not open this bundle (or none was given for a passphrase bundle). */
  'BUNDLE_WRONG_PASSPHRASE',
  /** The bundle is encrypted to other people's keys, none of which this investigator holds. */
  'BUNDLE_NOT_FOR_YOU',
  /** A changed byte, a truncated file, or an entry whose size or hash does not match the manifest. */
  'BUNDLE_DAMAGED',
  /** The signature does not match the manifest and the key it names. */
  'BUNDLE_SIGNATURE_INVALID',
  /** An entry named to escape the staging folder (`../x`, absolute, Windows reserved), a link or device, or a duplicate. */
  'BUNDLE_UNSAFE_ENTRY',
  /** Over a cap on total bytes, entry count or one entry's bytes (the message says which). */
  'BUNDLE_TOO_LARGE',
  /** Written in a newer bundle format than this Casebench reads (the message names both versions). */
  'BUNDLE_TOO_NEW',
  /** A bundle whose records need evidence files it does not carry and this workspace does not hold (the message names them). */
  'BUNDLE_INCOMPLETE',
  /** The workspace changed between a bundle's preview and its apply; nothing was written. */
  'BUNDLE_PLAN_STALE',
  /** A protected person whose pseudonym an allegation still names as a victim (the message names the allegations). */
  'PROTECTED_PERSON_IN_USE',
  /** A file uploaded for an import is no longer waiting: it expired, or its temporary copy was removed. */
  'UPLOAD_GONE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What is wrong with one field, as a code the UI can translate (with its parameters). */
export const FIELD_ISSUE_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid',
  'invalid_choice',
  'invalid_date',
  'range_reversed',
  'duplicate',
] as const;
export const FieldIssueSchema = z.object({
  code: z.enum(FIELD_ISSUE_CODES),
  max: z.number().optional(),
  min: z.number().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Field path ("period.from") to the first issue found there; only with VALIDATION_FAILED. */
  fields: z.record(z.string(), FieldIssueSchema).optional(),
  /** Which file and what in it; only with LIST_UNREADABLE (the UI says it in the user's language). */
  listProblem: ListFileProblemSchema.optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
