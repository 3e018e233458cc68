import type { AppError, ErrorCode } from '../../shared/contract';
import { noteText, type ListFileProblem, type ListNote } from '../../shared/domain/list-notes';

/**
 * A failure a service expects and the user can act on. The router turns it into an AppError value;
 * anything else thrown is a bug and leaves the boundary only as INTERNAL.
 */
export class Failure extends Error {
  readonly code: ErrorCode;
  readonly fields: AppError['fields'];
  constructor(code: ErrorCode, message: string, fields?: AppError['fields']) {
    super(message);
    this.name = 'Failure';
    this.code = code;
    this.fields = fields;
  }

  toAppError(): AppError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** LIST_UNREADABLE, with which file and what in it, for the UI to say in the user's language. */
export class ListUnreadable extends Failure {
  constructor(
    message: string,
    readonly problem: ListFileProblem,
  ) {
    super('LIST_UNREADABLE', message);
  }

  /** A file refused as a whole (no place in it): the message is the note's English, then `after`. */
  static wholeFile(file: string, note: ListNote, after = '.'): ListUnreadable {
    return new ListUnreadable(`${file}: ${noteText(note)}${after}`, { file, at: null, note });
  }

  override toAppError(): AppError {
    return { ...super.toAppError(), listProblem: this.problem };
  }
}
