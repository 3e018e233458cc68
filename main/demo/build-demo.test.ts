import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { proposalMatrix } from '../documents/coordination-input';
import { previewProposal, type DocumentDeps } from '../documents/document-service';
import { documentFonts } from '../documents/fonts/font-library';
import type { PdfPrinter } from '../documents/printer';
import { buildProposalCase } from '../documents/proposal-fixture';
import { listAllegations } from '../services/allegation-service';
import { closeCase, getCase, listCases } from '../services/case-service';
import type { EvidenceContext } from '../services/evidence-context';
import { listEvidence } from '../services/evidence-service';
import { listFindings } from '../services/findings-service';
import { listCaseSubjects } from '../services/subject-service';
import { evidenceContext } from '../test-support/evidence-context';
import { tempDir } from '../test-support/temp-dir';
import { Jobs } from '../vault/jobs';
import { hashFile } from '../vault/vault';
import { verifyEvidence } from '../vault/verify';
import { workflowState } from '../workflow/workflow-service';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { findDemo, openDemo } from './build-demo';
import { DEMO_ACTOR, DEMO_SOURCES } from './demo-facts';

/** A fresh workspace with no case at all, as on a first run; the user is "tester". */
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});
function firstRun(): EvidenceContext {
  const workspace = openWorkspace(tempDir());
  open.push(workspace);
  return { db: workspace.db, vault: workspace.vault, actor: 'tester', now: () => '2026-11-27T09:00:00.000Z' };
}

const fonts = documentFonts();
// Previews are HTML only: nothing is printed, so a printer that refuses proves it.
const noPrinter: PdfPrinter = {
  print: () => Promise.reject(new Error('a preview does not print')),
  close: () => Promise.resolve(),
} as unknown as PdfPrinter;
const deps: DocumentDeps = { fonts, printer: noPrinter, matrix: proposalMatrix, creator: 'Casebench test' };

describe('the demo case', () => {
  it('is built through the services into a fresh workspace and walked to the proposal stage, stamped by the demo, not the user', async () => {
    const ctx = firstRun();
    expect(findDemo(ctx)).toBeNull();
    const demo = await openDemo(ctx);

    expect(demo).toMatchObject({ demo: true, status: 'open', stage: 'proposal', country: 'CN', allegationCount: 2 });
    expect(demo.title).toMatch(/^デモ/);
    expect(demo.summary).toContain('Demo — built from public sources; not an investigation.');
    expect(new Set(demo.history.map((e) => e.actor))).toEqual(new Set([DEMO_ACTOR]));
    expect(demo.history.filter((e) => e.kind === 'stage_advanced').map((e) => e.subject)).toEqual(['1 → 2', '2 → 3', '3 → 4', '4 → 5']);
    expect(demo.history.filter((e) => e.kind === 'gate_waived').map((e) => e.reason?.split('\n').at(-1))).toEqual([
      '[investigation.partner_check]',
      '[findings.identifiers]',
    ]);
    expect(listCases(ctx, {}).items.map((c) => [c.id, c.demo])).toEqual([[demo.id, true]]);
    expect(demo.history.filter((e) => e.kind.endsWith('_saved')).map((e) => e.kind)).toEqual([
      'allegation_finding_saved',
      'allegation_finding_saved',
      ...Array.from({ length: 8 }, () => ['subject_finding_saved', 'subject_reasons_saved']).flat(),
    ]);

    // No victim or witness is invented: the allegations rest on the authorities' statements.
    const allegations = listAllegations(ctx, demo.id);
    expect(allegations.map((a) => [a.reference, a.category, a.status, a.victims.length])).toEqual([
      ['A-1', 'arbitrary_detention', 'substantiated', 0],
      ['A-2', 'freedom_of_religion', 'substantiated', 0],
    ]);

    // Subjects with Latin and Han names and the identifiers the published lists give.
    const subjects = listCaseSubjects(ctx, demo.id);
    expect(subjects.map((s) => s.subject.displayName)).toEqual([
      'Zhu Hailun',
      'Wang Mingshan',
      'Wang Junzheng',
      'Chen Mingguo',
      'Chen Quanguo',
      'Huo Liujun',
      'Xinjiang Public Security Bureau',
      'Xinjiang Production and Construction Corps Public Security Bureau',
    ]);
    const zhu = subjects[0]!.subject;
    expect(zhu.names.map((n) => [n.script, n.value])).toEqual([
      ['latn', 'Zhu Hailun'],
      ['hans', '朱海仑'],
    ]);
    expect(zhu.birthDates).toEqual([expect.objectContaining({ date: { precision: 'month', value: '1958-01' }, sourceText: 'DOB Jan 1958' })]);
    expect(zhu.birthPlaces).toEqual([expect.objectContaining({ place: 'Lianshui, Jiangsu', country: 'CN' })]);
    expect(zhu.positions.length).toBeGreaterThan(0);
    expect(Object.values(zhu.exhibits).sort()).toEqual(['E-1', 'E-2', 'E-3', 'E-4', 'E-5']);
    expect(subjects.every((s) => s.roles.length > 0)).toBe(true);
    expect(subjects.find((s) => s.subject.displayName === 'Xinjiang Public Security Bureau')!.subject.aliases).toHaveLength(4);

    // Evidence: our own short notes, one per public source, stored in the vault and re-hashing intact.
    const items = listEvidence(ctx, { caseId: demo.id }).items;
    expect(items.map((i) => [i.exhibit, i.title, i.sourceReliability, i.collectedBy])).toEqual(
      DEMO_SOURCES.map((s, n) => [`E-${n + 1}`, s.title, 'A', DEMO_ACTOR]),
    );
    for (const item of items) {
      expect(await hashFile(ctx.vault.contentPath(item.sha256!))).toBe(item.sha256);
      const text = fs.readFileSync(ctx.vault.contentPath(item.sha256!), 'utf8');
      expect(text).toMatch(/^Casebench demo: source note written by Casebench/);
    }
    const jobs = new Jobs();
    const verified = await jobs.settled(jobs.start('evidence.verify', (control) => verifyEvidence(ctx, demo.id, control)));
    expect(verified.report).toMatchObject({ clean: true, itemsChecked: 5, filesChecked: 5, problems: [] });

    // Findings and statements of reasons cite exhibits, none broken.
    const findings = listFindings(ctx, demo.id);
    expect(findings).toHaveLength(2 + 8 * 2);
    const cited = (body: unknown) => JSON.stringify(body).match(/"type":"exhibit-reference"/g)?.length ?? 0;
    for (const f of findings) {
      expect(cited(f.body)).toBeGreaterThan(0);
      expect(f.broken).toEqual({ itemIds: [], subjectIds: [] });
      expect(f.updatedBy).toBe(DEMO_ACTOR);
    }

    // The workflow: every move made with its gate met (no justification), the gate into review met too.
    const workflow = await workflowState(ctx, demo.id);
    expect(workflow.transitions.map((t) => [t.to, t.reason, t.unmetChecks])).toEqual([
      ['assessment', null, []],
      ['investigation', null, []],
      ['findings', null, []],
      ['proposal', null, []],
    ]);
    expect(workflow.gate).toMatchObject({ to: 'review', met: true });
    expect(workflow.waivers.map((w) => [w.check, w.by]).sort()).toEqual([
      ['findings.identifiers', DEMO_ACTOR],
      ['investigation.partner_check', DEMO_ACTOR],
    ]);

    // The draft asset-freeze proposal for every subject: nothing keeps it from being issued, and it says DEMO.
    const preview = previewProposal(
      ctx,
      { caseId: demo.id, measure: 'asset_freeze', subjectIds: subjects.map((s) => s.subject.id), language: 'bilingual' },
      deps,
    );
    expect(preview.problems).toEqual([]);
    expect(preview.html).toContain('DEMO — built from public sources; not an investigation');
    expect(preview.html).toContain('公開情報のみから作成した見本であり、調査ではない');
    expect(preview.html).toContain('<div class="watermark">DEMO</div>');
    for (const words of ['Zhu Hailun', 'Chen Quanguo', 'Xinjiang Production and Construction Corps Public Security Bureau', 'Lianshui, Jiangsu']) {
      expect(preview.html).toContain(words);
    }
  });

  it('is opened, not built again, while it is open; two clicks at once make one; closed, the next one is new', async () => {
    const ctx = firstRun();
    const [a, b] = await Promise.all([openDemo(ctx), openDemo(ctx)]);
    expect(b.id).toBe(a.id);
    expect((await openDemo(ctx)).id).toBe(a.id);
    expect(findDemo(ctx)).toMatchObject({ id: a.id, demo: true, reference: a.reference });
    expect(ctx.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);

    // Closed like any case (by the user, with a reason), it no longer counts; opening again builds a fresh one.
    closeCase(ctx, { id: a.id, reason: 'Seen it.' });
    expect(getCase(ctx, a.id).history.at(-1)).toMatchObject({ kind: 'closed', actor: 'tester' });
    expect(findDemo(ctx)).toBeNull();
    const again = await openDemo(ctx);
    expect(again.id).not.toBe(a.id);
    expect(again).toMatchObject({ demo: true, stage: 'proposal', status: 'open' });
  });

  it('leaves a real case unmarked, and its proposal without the demo mark', async () => {
    const ctx = evidenceContext();
    expect(getCase(ctx, ctx.caseId).demo).toBe(false);
    expect(findDemo(ctx)).toBeNull();
    const pc = await buildProposalCase(ctx);
    const { html } = previewProposal(ctx, { caseId: pc.caseId, measure: 'asset_freeze', subjectIds: pc.subjects.map((s) => s.id), language: 'en' }, deps);
    expect(html).toContain('DRAFT — not issued');
    expect(html).not.toContain('DEMO');
    const demo = await openDemo(ctx);
    const listed = listCases(ctx, {}).items;
    expect(listed).toHaveLength(3);
    expect(listed.filter((c) => c.demo).map((c) => c.id)).toEqual([demo.id]);
    expect(getCase(ctx, pc.caseId).demo).toBe(false);
  });
});
