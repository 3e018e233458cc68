import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { EMPTY_RICH_TEXT } from '../../shared/richtext/validate';
import { openWorkbench } from '../workbench';
import { evidenceContext } from '../test-support/evidence-context';
import { tempDir } from '../test-support/temp-dir';
import { createAllegation } from './allegation-service';
import { closeCase, createCase, getCase } from './case-service';
import { createTestimony } from './evidence-service';
import { listFindings, saveFinding } from './findings-service';
import { searchWorkspace } from '../search/search-service';
import { findingSearchProvider } from '../search/finding-provider';
import { addSubjectToCase, createSubject, removeSubjectFromCase } from './subject-service';

const text = (t: string) => ({ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: t });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children });
const doc = (...children: unknown[]) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });
const exhibit = (itemId: string, label: string) => ({ type: 'exhibit-reference', version: 1, itemId, label });

function setup() {
  const ctx = evidenceContext();
  const allegation = createAllegation(ctx, {
    caseId: ctx.caseId,
    category: 'torture',
    period: { precision: 'year', value: '2018' },
    place: 'Urumqi',
    narrative: '',
    victims: [],
    status: 'alleged',
  });
  const item = createTestimony(ctx, { caseId: ctx.caseId, title: 'Witness W-3, interview' });
  const subject = createSubject(ctx, {
    ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Zhu Hailun', primary: true }] }),
    caseId: ctx.caseId,
  });
  const target = { type: 'allegation' as const, id: allegation.id };
  return { ctx, allegation, item, subject, target };
}

describe('findings', () => {
  it('records saves in the case history: one line per stretch of editing by one person, a new one when the outcome changes', () => {
    const { ctx, target, subject } = setup();
    const stored = { revision: new Map<string, number>() };
    const save = (on: { type: 'allegation' | 'subject'; id: string }, section: 'finding' | 'reasons', outcome: 'met' | 'not_met' | null, words: string, actor = 'tester') => {
      const key = `${on.id}:${section}`;
      const saved = saveFinding({ ...ctx, actor }, { caseId: ctx.caseId, target: on, section, outcome, body: doc(paragraph(text(words))), revision: stored.revision.get(key) ?? 0 });
      stored.revision.set(key, saved.revision);
    };
    const lines = () => getCase(ctx, ctx.caseId).history.filter((e) => e.kind.endsWith('_saved')).map((e) => [e.kind, e.subject, e.actor]);
    const onSubject = { type: 'subject' as const, id: subject.id };

    save(target, 'finding', 'met', 'Beatings');
    save(target, 'finding', 'met', 'Beatings during'); // autosave, mid-sentence
    save(target, 'finding', 'met', 'Beatings during interrogation.');
    expect(lines()).toEqual([['allegation_finding_saved', 'A-1', 'tester']]);
    save(target, 'finding', 'not_met', 'Beatings during interrogation are not established.');
    save(onSubject, 'finding', 'met', 'He directed it.');
    save(onSubject, 'reasons', null, 'Statement of reasons.');
    save(target, 'finding', 'not_met', 'Beatings during interrogation are not established by the record.', 'a colleague');
    save(target, 'finding', 'not_met', 'Beatings during interrogation are not established by the record.', 'a colleague'); // nothing changed
    expect(lines()).toEqual([
      ['allegation_finding_saved', 'A-1', 'tester'],
      ['allegation_finding_saved', 'A-1', 'tester'],
      ['subject_finding_saved', 'S-1 Zhu Hailun', 'tester'],
      ['subject_reasons_saved', 'S-1 Zhu Hailun', 'tester'],
      ['allegation_finding_saved', 'A-1', 'a colleague'],
    ]);
  });

  it('saves a finding with its outcome and reasoning, numbering revisions, and lists it', () => {
    const { ctx, item, target } = setup();
    const body = doc(paragraph(text('Beatings during interrogation are established by '), exhibit(item.id, item.exhibit), text('.')));
    const first = saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'met', body, revision: 0 });
    expect(first).toMatchObject({ target, section: 'finding', outcome: 'met', revision: 1, updatedBy: 'tester', broken: { itemIds: [], subjectIds: [] } });
    expect(first.body).toEqual(body);

    const second = saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'not_met', body, revision: 1 });
    expect(second).toMatchObject({ id: first.id, revision: 2, outcome: 'not_met' });
    // Saving what is already stored changes nothing, not even the revision.
    expect(saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'not_met', body, revision: 2 }).revision).toBe(2);
    expect(listFindings(ctx, ctx.caseId)).toEqual([second]);
  });

  it('refuses a stale save and keeps the text that was saved first', () => {
    const { ctx, target } = setup();
    const save = (words: string, revision: number) =>
      saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'undetermined', body: doc(paragraph(text(words))), revision });
    save('first draft', 0);
    save('second investigator', 1);
    expect(() => save('stale tab', 1)).toThrow(expect.objectContaining({ code: 'REVISION_CONFLICT', message: expect.stringContaining('revision 2') }));
    expect(() => save('also stale', 0)).toThrow(expect.objectContaining({ code: 'REVISION_CONFLICT' }));
    expect(listFindings(ctx, ctx.caseId)[0]).toMatchObject({ revision: 2, body: doc(paragraph(text('second investigator'))) });
  });

  it('refuses unknown node types and bad or oversize documents, and stores nothing', () => {
    const { ctx, target } = setup();
    const save = (body: unknown) => () => saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'met', body, revision: 0 });
    expect(save(doc(paragraph({ type: 'image', version: 1, src: 'file:///etc/passwd' })))).toThrow(
      expect.objectContaining({ code: 'RICH_TEXT_INVALID', message: expect.stringContaining('"image"'), fields: { body: { code: 'invalid' } } }),
    );
    expect(save({ root: 'x' })).toThrow(expect.objectContaining({ code: 'RICH_TEXT_INVALID' }));
    expect(save(doc(paragraph(text('x'.repeat(200_001)))))).toThrow(
      expect.objectContaining({ code: 'RICH_TEXT_TOO_LARGE', fields: { body: { code: 'too_long', max: 200_000 } } }),
    );
    expect(listFindings(ctx, ctx.caseId)).toEqual([]);
  });

  it('keeps a reference to an exhibit that no longer exists, reported as broken; refuses exhibits of another case', () => {
    const { ctx, item, target } = setup();
    const body = doc(paragraph(text('See '), exhibit(item.id, item.exhibit)));
    saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'met', body, revision: 0 });
    // The evidence service has no removal yet; this is what one would leave behind.
    ctx.db.transaction(() => {
      for (const table of ['custody_events', 'evidence_links', 'evidence_text']) ctx.db.prepare(`DELETE FROM ${table} WHERE item_id = ?`).run(item.id);
      ctx.db.prepare('DELETE FROM evidence_fts WHERE rowid = (SELECT rowid FROM evidence_items WHERE id = ?)').run(item.id);
      ctx.db.prepare('DELETE FROM evidence_items WHERE id = ?').run(item.id);
    })();
    expect(listFindings(ctx, ctx.caseId)[0]!.broken).toEqual({ itemIds: [item.id], subjectIds: [] });
    // A text citing it can still be saved (the reference stays, visibly broken).
    const again = saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'not_met', body, revision: 1 });
    expect(again).toMatchObject({ revision: 2, broken: { itemIds: [item.id] } });

    const other = createCase(ctx, { title: 'Other', country: null, situation: '', summary: '' });
    const foreign = createTestimony(ctx, { caseId: other.id, title: 'Elsewhere' });
    expect(() =>
      saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'met', body: doc(paragraph(exhibit(foreign.id, 'E-1'))), revision: 2 }),
    ).toThrow(expect.objectContaining({ code: 'RICH_TEXT_INVALID' }));
  });

  it('keeps per-subject findings and statements of reasons, for subjects of the case only', () => {
    const { ctx, subject, target } = setup();
    const subjectTarget = { type: 'subject' as const, id: subject.id };
    const body = doc(paragraph(text('Party Secretary of Xinjiang; responsible for the detention programme.')));
    const finding = saveFinding(ctx, { caseId: ctx.caseId, target: subjectTarget, section: 'finding', outcome: 'met', body, revision: 0 });
    const reasons = saveFinding(ctx, { caseId: ctx.caseId, target: subjectTarget, section: 'reasons', outcome: null, body, revision: 0 });
    expect([finding.revision, reasons.revision, reasons.outcome]).toEqual([1, 1, null]);
    // A statement of reasons belongs to a subject, and has no outcome.
    expect(() => saveFinding(ctx, { caseId: ctx.caseId, target, section: 'reasons', outcome: null, body, revision: 0 })).toThrow();

    removeSubjectFromCase(ctx, { caseId: ctx.caseId, subjectId: subject.id });
    expect(listFindings(ctx, ctx.caseId)).toEqual([]);
    expect(() => saveFinding(ctx, { caseId: ctx.caseId, target: subjectTarget, section: 'finding', outcome: 'met', body, revision: 1 })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    addSubjectToCase(ctx, { caseId: ctx.caseId, subjectId: subject.id });
    expect(listFindings(ctx, ctx.caseId).map((f) => f.section)).toEqual(['finding', 'reasons']);
  });

  it('refuses changes to a closed case', () => {
    const { ctx, target } = setup();
    closeCase(ctx, { id: ctx.caseId, reason: 'Not pursued' });
    expect(() => saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'met', body: EMPTY_RICH_TEXT, revision: 0 })).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED' }),
    );
  });

  it('feeds workspace search with the words of the findings', () => {
    const { ctx, item, target } = setup();
    const body = doc(paragraph(text('拘禁施設での拷問は '), exhibit(item.id, item.exhibit), text(' により認定される')));
    saveFinding(ctx, { caseId: ctx.caseId, target, section: 'finding', outcome: 'met', body, revision: 0 });
    const found = searchWorkspace(ctx, { text: '拷問は', kinds: [], caseId: null, limit: 20 }, [findingSearchProvider]);
    expect(found.groups[0]).toMatchObject({ kind: 'finding', total: 1, hits: [{ reference: 'A-1', caseId: ctx.caseId }] });
    expect(found.groups[0]!.hits[0]!.snippet).toContain('拷問は');
    // Exhibit references are searchable by their exhibit; short queries fall back to LIKE.
    expect(searchWorkspace(ctx, { text: item.exhibit, kinds: [], caseId: null, limit: 20 }, [findingSearchProvider]).groups[0]!.total).toBe(1);
    expect(searchWorkspace(ctx, { text: '拷問', kinds: [], caseId: null, limit: 20 }, [findingSearchProvider]).groups[0]!.total).toBe(1);
  });

  it('are reached through the router, which refuses bad input as values', async () => {
    const workbench = openWorkbench({ workspaceDir: tempDir(), appVersion: 'test', actor: 'tester' });
    try {
      const call = (channel: keyof typeof contract, input: unknown) => workbench.router.invoke({ channel, input });
      const created = (await call('cases.create', { title: 'Case', country: null, situation: '', summary: '' })) as { ok: true; value: { id: string } };
      const caseId = created.value.id;
      const allegation = (await call('allegations.create', {
        caseId,
        category: 'torture',
        period: { precision: 'unknown' },
        place: '',
        narrative: '',
        victims: [],
        status: 'alleged',
      })) as { ok: true; value: { id: string } };
      const target = { type: 'allegation', id: allegation.value.id };
      const saved = await call('findings.save', { caseId, target, section: 'finding', outcome: 'met', body: EMPTY_RICH_TEXT, revision: 0 });
      expect(saved).toMatchObject({ ok: true, value: { revision: 1 } });
      expect(await call('findings.save', { caseId, target, section: 'finding', outcome: 'met', body: doc(paragraph(text('x'))), revision: 0 })).toMatchObject({
        ok: false,
        error: { code: 'REVISION_CONFLICT' },
      });
      expect(await call('findings.save', { caseId, target, section: 'finding', outcome: null, body: EMPTY_RICH_TEXT, revision: 1 })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { outcome: { code: 'required' } } },
      });
      expect(await call('findings.save', { caseId, target, section: 'finding', outcome: 'met', body: doc({ type: 'script' }), revision: 1 })).toMatchObject({
        ok: false,
        error: { code: 'RICH_TEXT_INVALID' },
      });
      expect(await call('findings.list', { caseId })).toMatchObject({ ok: true, value: [{ revision: 1 }] });
    } finally {
      workbench.close();
    }
  });
});
