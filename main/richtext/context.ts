import type { Language } from '../../shared/domain/workflow';
import type { ServiceContext } from '../services/context';

/**
 * What rendering a rich text needs to know that the text itself does not hold: the current exhibit
 * of each cited evidence item and the current name of each mentioned subject (null when the record
 * no longer exists), and the language of the words around them ("Exhibit" / "証拠").
 */
export interface RichTextContext {
  language: Language;
  /** The item's current exhibit ("E-12"), or null if no such item exists any more. */
  exhibit(itemId: string): string | null;
  /** The subject's current display name, or null if no such subject exists any more. */
  subject(subjectId: string): string | null;
}

/** Looks labels up in the workspace database, once per id. */
export function richTextContext(ctx: ServiceContext, language: Language): RichTextContext {
  const exhibitOf = ctx.db.prepare("SELECT 'E-' || seq FROM evidence_items WHERE id = ?").pluck();
  const nameOf = ctx.db.prepare('SELECT display_name FROM subjects WHERE id = ?').pluck();
  const exhibits = new Map<string, string | null>();
  const names = new Map<string, string | null>();
  return {
    language,
    exhibit(itemId) {
      if (!exhibits.has(itemId)) exhibits.set(itemId, (exhibitOf.get(itemId) as string | undefined) ?? null);
      return exhibits.get(itemId) ?? null;
    },
    subject(subjectId) {
      if (!names.has(subjectId)) names.set(subjectId, (nameOf.get(subjectId) as string | undefined) ?? null);
      return names.get(subjectId) ?? null;
    },
  };
}

const WORDS = {
  en: {
    exhibit: (label: string) => `Exhibit ${label}`,
    brokenExhibit: (label: string) => (label ? `Exhibit ${label} (no longer in the case file)` : 'Exhibit (no longer in the case file)'),
    brokenSubject: (name: string) => (name ? `${name} (no longer in the workspace)` : 'Subject (no longer in the workspace)'),
  },
  ja: {
    exhibit: (label: string) => `証拠 ${label}`,
    brokenExhibit: (label: string) => (label ? `証拠 ${label}（証拠記録から削除済み）` : '証拠（証拠記録から削除済み）'),
    brokenSubject: (name: string) => (name ? `${name}（ワークスペースから削除済み）` : '対象者（ワークスペースから削除済み）'),
  },
} as const;

export interface ResolvedReference {
  text: string;
  /** The record is gone: show the reference as broken, never drop it. */
  broken: boolean;
  /** The current exhibit ("E-12") of a live exhibit reference. */
  exhibit?: string;
}

/** How an exhibit reference reads now: "Exhibit E-12", or a visibly broken reference. */
export function resolveExhibit(context: RichTextContext, itemId: string, labelAtInsert: string): ResolvedReference {
  const words = WORDS[context.language];
  const current = context.exhibit(itemId);
  return current === null
    ? { text: words.brokenExhibit(labelAtInsert), broken: true }
    : { text: words.exhibit(current), broken: false, exhibit: current };
}

export function resolveSubject(context: RichTextContext, subjectId: string, nameAtInsert: string): ResolvedReference {
  const current = context.subject(subjectId);
  return current === null
    ? { text: WORDS[context.language].brokenSubject(nameAtInsert), broken: true }
    : { text: current, broken: false };
}
