import { z } from 'zod';

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
  'DISK_FULL',
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
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
