import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProposalCase, PROTECTED_NAMES } from '../../documents/proposal-fixture';
import type { AllegationFields } from '../../../shared/contract/records';
import { listAllegations, updateAllegation } from '../../services/allegation-service';
import { updateEvidence } from '../../services/evidence-service';
import { createPerson, listPersons, revealPerson, updatePerson } from '../../services/protected-identity-service';
import { evidenceContext } from '../../test-support/evidence-context';
import { verifyCustodyLog } from '../../vault/custody';
import { applyPlan, type Choices, type TransferInfo } from './apply';
import { incomingFromSnapshot } from './content';
import { addExportEntries, recordExport } from './export-record';
import { makePlan } from './plan';
import { takeSnapshot } from './snapshot';
import { CUSTODY_TABLE, TABLES } from './tables';

type Ctx = ReturnType<typeof evidenceContext>;

/** A witness's real identity, recorded apart under the pseudonym W-01 (main/services/protected-identity-service). */
const REAL = { fullName: 'Gulnar Yusup', otherNames: 'グリナル・ユスプ', contact: '+7 700 555 0199 (Almaty)', notes: 'Her brother is still detained.' };

const SENDER: TransferInfo['sender'] = {
  name: 'Aiko Tanaka',
  organisation: 'Human Rights Now',
  signingKey: 'A'.repeat(43) + '=',
  ageRecipient: 'age1' + 'q'.repeat(58),
  fingerprint: '00000 00000',
};
const transfer = (n: number): TransferInfo => ({ bundleId: `bundle-${n}`, bundleSha256: String(n).repeat(64).slice(0, 64), sender: SENDER, recipients: ['Ben'] });

let bundles = 0;

/** What the bundle layer does around the merge: the files move from staging into the vault, then plan and apply. */
function preview(from: Ctx, to: Ctx, caseId: string, o: { evidence?: boolean; protectedIds?: boolean } = {}) {
  const snapshot = takeSnapshot(from.db, { caseId, selection: null, includeEvidence: o.evidence ?? true, includeProtected: o.protectedIds ?? true });
  const info = { bundleId: `b-${++bundles}`, actor: from.actor, at: from.now(), to: [{ name: 'Ben', organisation: 'HRN', fingerprint: '1' }] };
  addExportEntries(snapshot, info);
  recordExport(from, snapshot, info, 'e'.repeat(64));
  const incoming = incomingFromSnapshot(snapshot);
  const plan = makePlan(to.db, incoming, (sha) => to.vault.has(sha));
  const apply = (choices: Choices = {}, n = 1) => {
    for (const sha of incoming.carried) {
      if (to.vault.has(sha)) continue;
      fs.mkdirSync(path.dirname(to.vault.contentPath(sha)), { recursive: true });
      fs.copyFileSync(from.vault.contentPath(sha), to.vault.contentPath(sha));
    }
    return applyPlan(to, incoming, plan.digest, choices, transfer(n), (sha) => to.vault.has(sha));
  };
  return { snapshot, incoming, plan, apply };
}

/** Every row of the case's tables in a workspace, minus what an import adds by design. */
function caseRows(ctx: Ctx, caseId: string) {
  const s = takeSnapshot(ctx.db, { caseId, selection: null, includeEvidence: true, includeProtected: true });
  const tables = { ...s.tables };
  tables.case_events = tables.case_events!.filter((e) => !String(e.kind).startsWith('bundle_'));
  tables[CUSTODY_TABLE] = tables[CUSTODY_TABLE]!.filter((e) => !String(e.details).includes('"via":"bundle"'));
  for (const t of ['evidence_items']) tables[t] = tables[t]!.map((r) => ({ ...r, custody_count: null, custody_head: null, extraction_status: null }));
  return tables;
}

/** Changes some fields of an allegation, as the edit form does (it sends them all). */
function editAllegation(ctx: Ctx, id: string, patch: Partial<AllegationFields>) {
  const caseId = ctx.db.prepare('SELECT case_id FROM allegations WHERE id = ?').pluck().get(id) as string;
  const a = listAllegations(ctx, caseId).find((x) => x.id === id)!;
  updateAllegation(ctx, { id, category: a.category, period: a.period, place: a.place, narrative: a.narrative, victims: a.victims, status: a.status, ...patch });
}

/** The plan's changes to the case's records (the other side's history lines arrive as new ones, too). */
const changesOf = (plan: { changes: { kind: string; table: string; label: string; fields: { field: string }[] }[] }) =>
  plan.changes.filter((c) => c.table !== 'case_events').map((c) => [c.kind, c.label, c.fields.map((f) => f.field)]);

const as = (ctx: Ctx, actor: string): Ctx => Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as Ctx, ctx, { actor });

describe('a case merged between two workspaces', () => {
  it('arrives whole: every record, file and custody entry equal, plus one transfer entry per item', async () => {
    const a = evidenceContext();
    const b = evidenceContext();
    const built = await buildProposalCase(a);
    const { plan, apply } = preview(a, b, built.caseId);
    expect(plan.caseIsNew).toBe(true);
    expect(plan.counts.conflicts + plan.counts.updated).toBe(0);
    expect(plan.changes.every((c) => c.kind === 'new')).toBe(true);
    const result = apply();
    expect(result.inserted).toBe(plan.counts.new);

    const there = caseRows(b, built.caseId);
    const here = caseRows(a, built.caseId);
    for (const spec of TABLES) expect(there[spec.table], spec.table).toEqual(here[spec.table]);
    expect(there[CUSTODY_TABLE]).toEqual(here[CUSTODY_TABLE]);
    for (const e of built.exhibits) {
      if (e.sha256) expect(fs.readFileSync(b.vault.contentPath(e.sha256))).toEqual(fs.readFileSync(a.vault.contentPath(e.sha256)));
      const item = b.db.prepare('SELECT * FROM evidence_items WHERE id = ?').get(e.id) as { id: string; custody_count: number; custody_head: string };
      const before = a.db.prepare('SELECT custody_count FROM evidence_items WHERE id = ?').pluck().get(e.id) as number;
      expect(item.custody_count).toBe(before + 1);
      expect(verifyCustodyLog(b.db, item)).toEqual([]);
      const last = b.db.prepare('SELECT kind, details FROM custody_events WHERE item_id = ? ORDER BY seq DESC LIMIT 1').get(e.id) as { kind: string; details: string };
      expect(last.kind).toBe('imported');
      expect(JSON.parse(last.details)).toMatchObject({ via: 'bundle', exportedBy: 'Aiko Tanaka', importedBy: 'tester', bundleSha256: '1'.repeat(64) });
    }

    // The same bundle again changes nothing.
    const again = preview(a, b, built.caseId);
    expect(changesOf(again.plan)).toEqual([]);
  });

  it('shows both sides changed as a conflict, field by field; the user picks; their replaced value stays in the history', async () => {
    const a = evidenceContext();
    const b = as(evidenceContext(), 'Ben');
    const built = await buildProposalCase(a);
    preview(a, b, built.caseId).apply();
    // Ben's copy goes back to Aiko once, so both share a base.
    const [a1, a2] = built.allegations;
    editAllegation(b, a2!.id, { place: 'Kashgar' });
    let back = preview(b, a, built.caseId);
    expect(changesOf(back.plan)).toEqual([['update', 'A-2', ['place']]]);
    back.apply({}, 2);
    expect(a.db.prepare('SELECT place FROM allegations WHERE id = ?').pluck().get(a2!.id)).toBe('Kashgar');

    // Now both edit A-1: Aiko the narrative, Ben the narrative and the place.
    editAllegation(a, a1!.id, { narrative: 'Aiko’s narrative.' });
    editAllegation(b, a1!.id, { narrative: 'Ben’s narrative.', place: 'Urumqi No. 3 camp' });
    back = preview(b, a, built.caseId);
    const conflict = back.plan.changes.find((c) => c.kind === 'conflict')!;
    expect(conflict.label).toBe('A-1');
    expect(Object.fromEntries(conflict.fields.map((f) => [f.field, [f.local, f.incoming]]))).toEqual({
      narrative: ['Aiko’s narrative.', 'Ben’s narrative.'],
      place: ['新疆ウイグル自治区 Xinjiang Uyghur Autonomous Region', 'Urumqi No. 3 camp'],
    });
    back.apply({ [conflict.id]: { place: 'incoming', narrative: 'local' } }, 3);
    expect(a.db.prepare('SELECT narrative, place FROM allegations WHERE id = ?').get(a1!.id)).toEqual({
      narrative: 'Aiko’s narrative.',
      place: 'Urumqi No. 3 camp',
    });
    const replaced = a.db.prepare("SELECT reason FROM case_events WHERE kind = 'bundle_replaced' ORDER BY id").pluck().all() as string[];
    expect(replaced.at(-1)).toContain('新疆ウイグル自治区 Xinjiang Uyghur Autonomous Region');

    // Sent on to Ben, Aiko's narrative is now simply an update there (his side has not changed since).
    const forth = preview(a, b, built.caseId);
    expect(changesOf(forth.plan)).toEqual([['update', 'A-1', ['narrative']]]);
  });

  it('refuses records whose evidence files are neither in the bundle nor in the vault (BUNDLE_INCOMPLETE), writing nothing', async () => {
    const a = evidenceContext();
    const b = evidenceContext();
    const built = await buildProposalCase(a);
    const before = b.db.prepare('SELECT count(*) FROM cases').pluck().get();
    expect(() => preview(a, b, built.caseId, { evidence: false })).toThrow(expect.objectContaining({ code: 'BUNDLE_INCOMPLETE' }));
    expect(b.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(before);
    // Once the files are here, the same bundle without them is whole.
    preview(a, b, built.caseId).apply();
    expect(changesOf(preview(a, b, built.caseId, { evidence: false }).plan)).toEqual([]);
  });

  it('refuses a plan the workspace has moved away from (BUNDLE_PLAN_STALE), writing nothing', async () => {
    const a = evidenceContext();
    const b = as(evidenceContext(), 'Ben');
    const built = await buildProposalCase(a);
    preview(a, b, built.caseId).apply();
    editAllegation(b, built.allegations[0]!.id, { place: 'Hotan' });
    const pending = preview(b, a, built.caseId);
    editAllegation(a, built.allegations[0]!.id, { place: 'Aksu' }); // after the preview
    const events = a.db.prepare('SELECT count(*) FROM case_events').pluck().get();
    expect(() => pending.apply()).toThrow(expect.objectContaining({ code: 'BUNDLE_PLAN_STALE' }));
    expect(a.db.prepare('SELECT count(*) FROM case_events').pluck().get()).toBe(events);
    expect(a.db.prepare('SELECT place FROM allegations WHERE id = ?').pluck().get(built.allegations[0]!.id)).toBe('Aksu');
  });

  it('leaves protected persons at home by default; evidence metadata and custody entries travel as recorded', async () => {
    const a = evidenceContext();
    const b = as(evidenceContext(), 'Ben');
    const built = await buildProposalCase(a);
    const w1 = createPerson(a, { caseId: built.caseId, pseudonym: 'W-01', role: 'witness', ...REAL });
    updateEvidence(a, { id: built.testimony.id, source: `${PROTECTED_NAMES[2]} (via ${PROTECTED_NAMES[0]})` });
    const out = preview(a, b, built.caseId, { protectedIds: false });
    expect(out.incoming.tables.protected_persons).toBeUndefined();
    const text = JSON.stringify(out.incoming.tables);
    for (const value of Object.values(REAL)) expect(text).not.toContain(value);
    expect(text).toContain('W-01'); // the pseudonym, where the case names it
    out.apply();
    // Investigators' evidence metadata arrives as written, and every custody log verifies there.
    const fields = 'SELECT source, description, notes FROM evidence_items WHERE id = ?';
    expect(b.db.prepare(fields).get(built.testimony.id)).toEqual(a.db.prepare(fields).get(built.testimony.id));
    for (const e of built.exhibits) {
      const item = b.db.prepare('SELECT id, custody_count, custody_head FROM evidence_items WHERE id = ?').get(e.id) as { id: string; custody_count: number; custody_head: string };
      expect(verifyCustodyLog(b.db, item)).toEqual([]);
    }
    expect(listPersons(b, built.caseId)).toEqual([]);

    // Chosen, they travel; a later change replaces the receiver's copy, and the history names the fields, never the values.
    const chosen = preview(a, b, built.caseId, { protectedIds: true });
    expect(changesOf(chosen.plan)).toEqual([['new', 'W-01', []]]);
    chosen.apply({}, 2);
    expect(revealPerson(b, w1.id).identity).toEqual(REAL);
    updatePerson(a, { id: w1.id, pseudonym: 'W-01', role: 'witness', ...REAL, contact: 'Through the Geneva office' });
    const again = preview(a, b, built.caseId, { protectedIds: true });
    expect(changesOf(again.plan)).toEqual([['update', 'W-01', ['contact']]]);
    again.apply({}, 3);
    expect(revealPerson(b, w1.id).identity.contact).toBe('Through the Geneva office');
    const history = JSON.stringify(b.db.prepare('SELECT reason, subject FROM case_events').all());
    for (const value of Object.values(REAL)) expect(history).not.toContain(value);
    expect(history).toContain('the fields replaced: contact');

    // Sent back without them, the identities there stay as they are.
    const back = preview(b, a, built.caseId, { protectedIds: false });
    expect(changesOf(back.plan)).toEqual([]);
    expect(revealPerson(a, w1.id).identity.contact).toBe('Through the Geneva office');
  });
});
