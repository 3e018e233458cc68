import { createElement, type ReactNode } from 'react';
import type { AppError, FieldIssue } from '../../../shared/contract';
import { ApiError } from '../api/client';
import { FieldIssueText } from './FieldIssueText';

export interface FieldErrors {
  /** Errors for fields the form shows, keyed by path, ready for `form.setErrors`. */
  byField: Record<string, ReactNode>;
  /** Issues on paths the form has no input for; shown above the buttons so none is lost. */
  other: { path: string; issue: FieldIssue }[];
}

/**
 * Splits the server's field issues ("period.to", "victims.0.pseudonym") into those shown under
 * their input and the rest. `shown` says which paths have an input.
 */
export function fieldErrors(fields: AppError['fields'], shown: (path: string) => boolean): FieldErrors {
  const result: FieldErrors = { byField: {}, other: [] };
  for (const [path, issue] of Object.entries(fields ?? {})) {
    if (shown(path)) result.byField[path] = createElement(FieldIssueText, { issue });
    else result.other.push({ path, issue });
  }
  return result;
}

export const isValidationError = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'VALIDATION_FAILED';
