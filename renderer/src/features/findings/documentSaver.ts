import type { ErrorCode } from '../../../../shared/contract';
import type { Finding, FindingOutcome, FindingSection, FindingTarget } from '../../../../shared/contract/channels/findings';
import { checkRichText } from '../../../../shared/richtext/validate';
import { ApiError, invoke } from '../../api/client';

export type SaveStatus =
  | { state: 'saved' }
  /** Changes wait for the pause in typing, or are on their way. */
  | { state: 'saving' }
  | { state: 'error'; code: ErrorCode; max?: number };

/** Typing pauses this long before a save; a save goes out at least this often while typing goes on. */
const DEBOUNCE_MS = 700;
const MAX_WAIT_MS = 4000;
/** fetch keepalive carries at most 64 KB in all; leave room for the envelope. */
const KEEPALIVE_LIMIT = 60_000;

interface Ids {
  caseId: string;
  target: FindingTarget;
  section: FindingSection;
}

/**
 * The autosave of one finding or statement of reasons. It lives outside React (in the registry
 * below) so that a save under way survives the editor being unmounted — switching documents or
 * tabs — and so that coming back shows what was typed, not what the server had before.
 *
 * One save at a time: each names the revision it builds on (optimistic concurrency), so a second
 * save must wait for the first's new revision. Changes made meanwhile go in the next save.
 */
export class DocumentSaver {
  body: unknown;
  outcome: FindingOutcome | null;
  revision: number;
  /** Bumped when the text is replaced from outside (the saved version loaded after a conflict): remount the editor. */
  generation = 0;
  status: SaveStatus = { state: 'saved' };
  private saved: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  private inFlight: Promise<void> | null = null;
  /** What the save under way carries. */
  private inFlightSnapshot: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly ids: Ids,
    stored: Finding | undefined,
    private readonly onSaved: (finding: Finding) => void,
  ) {
    this.body = stored?.body ?? null;
    this.outcome = stored?.outcome ?? (ids.section === 'finding' ? 'undetermined' : null);
    this.revision = stored?.revision ?? 0;
    this.saved = this.snapshot();
  }

  private snapshot(): string {
    return JSON.stringify([this.outcome, this.body]);
  }

  get pending(): boolean {
    return this.snapshot() !== this.saved;
  }

  /** The payload is too big for a request that outlives the page (browser only). */
  get tooBigToOutliveThePage(): boolean {
    return this.pending && JSON.stringify(this.body).length > KEEPALIVE_LIMIT;
  }

  private keepalive(asked: boolean | undefined): boolean {
    return asked === true && !this.tooBigToOutliveThePage;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = () => this.status;

  private setStatus(status: SaveStatus) {
    this.status = status;
    this.listeners.forEach((l) => l());
  }

  /** A change from the editor or the outcome control; saved after a pause in typing. */
  edit(change: { body?: unknown; outcome?: FindingOutcome }): void {
    if (change.body !== undefined) this.body = change.body;
    if (change.outcome !== undefined) this.outcome = change.outcome;
    if (!this.pending) {
      // Back to what is stored (an undo, say): nothing to save, nothing wrong — unless a conflict waits for a choice.
      const conflict = this.status.state === 'error' && this.status.code === 'REVISION_CONFLICT';
      if (!this.inFlight && !conflict) this.setStatus({ state: 'saved' });
      return;
    }
    if (this.status.state !== 'error' || this.status.code !== 'REVISION_CONFLICT') this.setStatus({ state: 'saving' });
    this.firstChangeAt ??= Date.now();
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstChangeAt + MAX_WAIT_MS - Date.now()));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Saves now what is not saved yet. `keepalive` when the page is going away. */
  async flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.status.state === 'error' && this.status.code === 'REVISION_CONFLICT') return;
    if (this.inFlight) {
      if (!options.keepalive) {
        await this.inFlight;
        return this.flush(options);
      }
      // The page is going away and cannot wait: build on the revision the save under way will make.
      if (this.pending && this.snapshot() !== this.inFlightSnapshot) void this.send(this.revision + 1, this.keepalive(true));
      return;
    }
    if (!this.pending) return;
    this.inFlightSnapshot = this.snapshot();
    this.inFlight = this.send(this.revision, this.keepalive(options.keepalive)).finally(() => {
      this.inFlight = null;
      this.inFlightSnapshot = null;
    });
    await this.inFlight;
    if (this.pending && this.status.state === 'saving') return this.flush(options);
  }

  private async send(revision: number, keepalive: boolean): Promise<void> {
    const sent = this.snapshot();
    this.firstChangeAt = null;
    // The same check main makes, before the round trip: what it would refuse is reported at once.
    const check = checkRichText(this.body ?? EMPTY);
    if (!check.ok) {
      const { issue } = check;
      this.setStatus(issue.code === 'too_large' ? { state: 'error', code: 'RICH_TEXT_TOO_LARGE', max: issue.limit } : { state: 'error', code: 'RICH_TEXT_INVALID' });
      return;
    }
    if (this.status.state !== 'saving') this.setStatus({ state: 'saving' });
    try {
      const finding = await invoke(
        'findings.save',
        { ...this.ids, outcome: this.ids.section === 'finding' ? (this.outcome ?? 'undetermined') : null, body: this.body ?? EMPTY, revision },
        { keepalive },
      );
      this.revision = finding.revision;
      this.saved = sent;
      this.onSaved(finding);
      this.setStatus(this.pending ? { state: 'saving' } : { state: 'saved' });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'INTERNAL';
      const max = error instanceof ApiError ? error.fields?.body?.max : undefined;
      this.setStatus(max === undefined ? { state: 'error', code } : { state: 'error', code, max });
    }
  }

  /** After a conflict: take the stored text as it is now, dropping what was typed here. */
  reset(stored: Finding | undefined): void {
    if (this.timer) clearTimeout(this.timer);
    this.body = stored?.body ?? null;
    this.outcome = stored?.outcome ?? (this.ids.section === 'finding' ? 'undetermined' : null);
    this.revision = stored?.revision ?? 0;
    this.saved = this.snapshot();
    this.generation += 1;
    this.setStatus({ state: 'saved' });
  }

  /** After a conflict: save what was typed here over the stored text, now at `revision`. */
  overwrite(revision: number): Promise<void> {
    this.revision = revision;
    this.setStatus({ state: 'saving' });
    return this.flush();
  }

  /** Try a failed save again (the workspace was unavailable, the disk full …). */
  retry(): Promise<void> {
    this.setStatus({ state: 'saving' });
    return this.flush();
  }
}

/** An empty document, for a text saved before anything was typed (an outcome chosen first). */
const EMPTY = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } };

const savers = new Map<string, DocumentSaver>();

export const saverKey = (caseId: string, target: FindingTarget, section: FindingSection) => `${caseId}|${target.type}:${target.id}|${section}`;

/**
 * The saver of a document: the one already holding its latest text, or a new one from what is
 * stored. A saver with nothing pending gives way to a stored revision newer than its own.
 */
export function acquireSaver(ids: Ids, stored: Finding | undefined, onSaved: (finding: Finding) => void): DocumentSaver {
  const key = saverKey(ids.caseId, ids.target, ids.section);
  const existing = savers.get(key);
  if (existing) {
    if (!existing.pending && existing.status.state === 'saved' && (stored?.revision ?? 0) > existing.revision) existing.reset(stored);
    return existing;
  }
  const saver = new DocumentSaver(ids, stored, onSaved);
  savers.set(key, saver);
  return saver;
}

/** Saves everything pending: on leaving a tab or a case, and when the page hides or goes away. */
export function flushAll(options: { keepalive?: boolean } = {}): void {
  for (const saver of savers.values()) void saver.flush(options);
}

let installed = false;

/**
 * The page may go away mid-sentence (window closed, reload, navigation): send what is pending with
 * requests that outlive the page. In a browser, a text too big for such a request holds the page
 * with the "leave site?" question while its ordinary save completes; Electron's IPC needs neither.
 */
export function installPageExitFlush(): void {
  if (installed) return;
  installed = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAll({ keepalive: true });
  });
  window.addEventListener('pagehide', () => flushAll({ keepalive: true }));
  window.addEventListener('beforeunload', (event) => {
    const big = [...savers.values()].some((s) => s.tooBigToOutliveThePage);
    flushAll({ keepalive: true });
    if (big && !window.casebench) event.preventDefault();
  });
}
