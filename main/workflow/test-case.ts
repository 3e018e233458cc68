import { SubjectFieldsSchema, type SubjectFieldsInput } from '../../shared/contract/channels/subjects';
import type { FindingOutcome } from '../../shared/contract/channels/findings';
import { createAllegation } from '../services/allegation-service';
import { createTestimony, importUploads, linkEvidence } from '../services/evidence-service';
import { saveFinding } from '../services/findings-service';
import { createSubject, setSubjectRoles } from '../services/subject-service';
import { exhibitNode, richDocument, textNode } from '../richtext/build';
import type { evidenceContext } from '../test-support/evidence-context';

/**
 * Builds workflow test cases through the real services (cases, allegations, subjects, evidence,
 * findings), so the gates are evaluated on data exactly as the app writes it.
 */
type Ctx = ReturnType<typeof evidenceContext>;

/** A one-paragraph Lexical document: words, then a reference to each exhibit given. */
export function doc(words: string, exhibits: { id: string; exhibit: string }[] = []) {
  return richDocument([[textNode(words), ...exhibits.map((e) => exhibitNode(e.id, e.exhibit))]]);
}

export function allegation(ctx: Ctx, period: 'known' | 'unknown' = 'known') {
  return createAllegation(ctx, {
    caseId: ctx.caseId,
    category: 'arbitrary_detention',
    period: period === 'known' ? { precision: 'range', from: '2017-04', to: '2019' } : { precision: 'unknown' },
    place: 'Urumqi',
    narrative: 'Detention in so-called vocational training centres.',
    victims: [{ pseudonym: 'W-01' }],
    status: 'alleged',
  });
}

export function subject(ctx: Ctx, fields: Partial<SubjectFieldsInput> = {}) {
  return createSubject(ctx, {
    ...SubjectFieldsSchema.parse({
      type: 'person',
      names: [
        { script: 'latn', value: 'Zhu Hailun', primary: true },
        { script: 'hans', value: '朱海仑', primary: true },
      ],
      birthDates: [{ date: { precision: 'year', value: '1958' } }],
      ...fields,
    }),
    caseId: ctx.caseId,
  });
}

export const position = { title: 'Deputy Secretary, Xinjiang Party Committee', period: { precision: 'year', value: '2017' } } as const;

export function role(ctx: Ctx, subjectId: string, allegationId: string) {
  return setSubjectRoles(ctx, { caseId: ctx.caseId, subjectId, roles: [{ allegationId, role: 'commander' }] });
}

export function testimony(ctx: Ctx, title: string) {
  return createTestimony(ctx, { caseId: ctx.caseId, title, source: title });
}

/** A real file imported into the vault (a published list's SOURCES note: any real bytes do). */
export async function fileItem(ctx: Ctx, filePath: string, name: string) {
  const upload = await ctx.vault.receiveFile(filePath);
  const { id } = importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: name }] }).items[0]!;
  return { id, sha256: upload.sha256 };
}

export function link(ctx: Ctx, itemId: string, target: { type: 'allegation' | 'subject'; id: string }, stance: 'supporting' | 'contradicting') {
  return linkEvidence(ctx, { itemId, target, stance });
}

/** Saves (or re-saves) a finding or statement of reasons; `revision` follows what is stored. */
export function finding(
  ctx: Ctx,
  target: { type: 'allegation' | 'subject'; id: string },
  outcome: FindingOutcome | null,
  words: string,
  exhibits: { id: string; exhibit: string }[] = [],
) {
  const section = outcome === null ? 'reasons' : 'finding';
  const stored = ctx.db
    .prepare('SELECT revision FROM findings WHERE case_id = ? AND target_type = ? AND target_id = ? AND section = ?')
    .pluck()
    .get(ctx.caseId, target.type, target.id, section) as number | undefined;
  return saveFinding(ctx, { caseId: ctx.caseId, target, section, outcome, body: doc(words, exhibits), revision: stored ?? 0 });
}
