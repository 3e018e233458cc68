import type { z } from 'zod';
import { FIELD_ISSUE_CODES, type FieldIssue } from '../../shared/contract';

const isFieldIssueCode = (code: unknown): code is FieldIssue['code'] =>
  typeof code === 'string' && (FIELD_ISSUE_CODES as readonly string[]).includes(code);

/** Turns one zod issue into a code the UI translates; zod's own messages are English-only. */
function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { code: 'required' }
        : { code: 'too_short', min: Number(issue.minimum) };
    case 'too_big':
      return { code: 'too_long', max: Number(issue.maximum) };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? { code: 'required' } : { code: 'invalid' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalid_choice' };
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: isFieldIssueCode(code) ? code : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** Field path ("period.from", "victims.0.pseudonym") → the first issue found there. */
export function fieldIssues(error: z.ZodError): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= toFieldIssue(issue);
  }
  return fields;
}
