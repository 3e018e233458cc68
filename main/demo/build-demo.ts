import type { Database } from 'better-sqlite3';
import { Readable } from 'node:stream';
import type { CaseDetail, CaseSummary } from '../../shared/contract';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import type { Stage } from '../../shared/domain/workflow';
import { Failure } from '../ipc/failure';
import { createAllegation, updateAllegation } from '../services/allegation-service';
import { closeCase, createCase, getCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import type { EvidenceContext } from '../services/evidence-context';
import { importUploads, linkEvidence, updateEvidence } from '../services/evidence-service';
import { saveFinding } from '../services/findings-service';
import { createRelationship, createSubject, setSubjectRoles } from '../services/subject-service';
import type { Upload } from '../vault/vault';
import { extractAndStore } from '../vault/extract-text';
import { advance } from '../workflow/transitions';
import { waiveCheck } from '../workflow/waivers';
import { DEMO_ACTOR, DEMO_ALLEGATIONS, DEMO_CASE, DEMO_SOURCES, noteText, type AllegationKey, type SourceKey } from './demo-facts';
import { DEMO_SUBJECTS, subjectFinding, subjectReasons, type DemoSubject } from './demo-subjects';
import { richDoc, type Exhibits } from './rich-text';

/**
 * Builds the demo case through the same services the UI calls (cases, allegations, evidence,
 * subjects, findings, workflow), so it is valid by construction: every gate is evaluated on it as on
 * any case, and it moves stage by stage, the history recording each step. Everything is stamped by
 * DEMO_ACTOR, not by the user. The case stops at the proposal stage, its draft asset-freeze proposal
 * ready to preview; review and decision are left for the user to see (they need a second person).
 */

/** The open demo case, newest first; a closed one does not count (the user put it away). */
export function findDemo(ctx: ServiceContext): CaseSummary | null {
  const id = ctx.db
    .prepare("SELECT id FROM cases WHERE demo = 1 AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  if (!id) return null;
  const { summary: _summary, closedReason: _reason, closedAt: _at, history: _history, ...rest } = getCase(ctx, id);
  return rest;
}

/** Builds under way, per workspace: a second click while the first builds gets the same case. */
const building = new WeakMap<Database, Promise<CaseDetail>>();

/** The open demo case if there is one, else one built now. */
export function openDemo(ctx: EvidenceContext): Promise<CaseDetail> {
  const existing = findDemo(ctx);
  if (existing) return Promise.resolve(getCase(ctx, existing.id));
  const pending = building.get(ctx.db);
  if (pending) return pending;
  const run = buildDemo({ db: ctx.db, vault: ctx.vault, now: () => ctx.now(), actor: DEMO_ACTOR }).finally(() => building.delete(ctx.db));
  building.set(ctx.db, run);
  return run;
}

const WAIVE_PARTNER_CHECK =
  'Demo: the partner designations are recorded from the published notices and the OFAC list (the source notes in Evidence). No partner list is imported in this workspace to screen against; import them under Sanctions lists and screen the subjects to check.';
const WAIVE_IDENTIFIERS =
  'The two public security bureaus are state bodies: the published lists give them no registration or other number, only names, aliases and an address, which are recorded. The persons are identified by their positions.';
const CLOSE_UNFINISHED = 'The demo case could not be completed. Open the demo case again from the case list to build a new one.';

async function buildDemo(ctx: EvidenceContext): Promise<CaseDetail> {
  // The notes into the vault first: a disk that cannot take them leaves no case behind.
  const uploads: Upload[] = [];
  try {
    for (const source of DEMO_SOURCES) {
      uploads.push(await ctx.vault.receive(Readable.from([Buffer.from(noteText(source), 'utf8')]), { name: source.fileName }));
    }
  } catch (error) {
    for (const u of uploads) ctx.vault.discard(u.uploadId);
    throw error;
  }
  const caseId = createCase(ctx, DEMO_CASE, { demo: true }).id;
  try {
    await walk(ctx, caseId, uploads);
  } catch (error) {
    // Whatever was made stays readable, closed with the reason, so the next offer builds afresh.
    try {
      closeCase(ctx, { id: caseId, reason: CLOSE_UNFINISHED });
    } catch (closing) {
      console.error('[casebench] closing an unfinished demo case failed:', closing);
    }
    throw error;
  }
  return getCase(ctx, caseId);
}

async function walk(ctx: EvidenceContext, caseId: string, uploads: Upload[]): Promise<void> {
  const step = (from: Stage) => advance(ctx, { caseId, from, justification: null });

  // Intake: the conduct alleged, as the designating authorities describe it.
  const allegations = new Map<AllegationKey, string>();
  for (const a of DEMO_ALLEGATIONS) {
    const made = createAllegation(ctx, { caseId, category: a.category, period: a.period, place: a.place, narrative: a.narrative, victims: [], status: 'alleged' });
    allegations.set(a.key, made.id);
  }
  await step('intake');

  // Preliminary assessment: the public sources (are they designated by partners?) and the perpetrators they name.
  const exhibits = importSources(ctx, caseId, uploads);
  for (const item of exhibits.values()) await extractAndStore(ctx, item.id);
  for (const a of DEMO_ALLEGATIONS) {
    for (const source of a.sources) linkEvidence(ctx, { itemId: exhibits.get(source)!.id, target: { type: 'allegation', id: allegations.get(a.key)! }, stance: 'supporting' });
  }
  const subjects = new Map<string, string>();
  for (const s of DEMO_SUBJECTS) {
    const id = createSubject(ctx, { ...subjectFields(s, exhibits), caseId }).id;
    subjects.set(s.key, id);
    setSubjectRoles(ctx, { caseId, subjectId: id, roles: s.roles.map((r) => ({ allegationId: allegations.get(r.allegation)!, role: r.role })) });
  }
  waiveCheck(ctx, { caseId, check: 'investigation.partner_check', reason: WAIVE_PARTNER_CHECK });
  await step('assessment');

  // Investigation: each subject's sources linked, and who headed the regional bureau.
  for (const s of DEMO_SUBJECTS) {
    const sources = new Set(s.designations.flatMap((d) => d.sources));
    for (const source of sources) linkEvidence(ctx, { itemId: exhibits.get(source)!.id, target: { type: 'subject', id: subjects.get(s.key)! }, stance: 'supporting' });
  }
  const bureau = subjects.get('xpsb')!;
  createRelationship(ctx, { fromId: subjects.get('wang-mingshan')!, toId: bureau, kind: 'commands', period: { precision: 'unknown' }, note: 'Director and Party Secretary, as the US Treasury release of 9 July 2020 describes him.', evidenceIds: [exhibits.get('us2020')!.id] });
  createRelationship(ctx, { fromId: subjects.get('chen-mingguo')!, toId: bureau, kind: 'commands', period: { precision: 'unknown' }, note: 'Director, as the EU statement of reasons of 22 March 2021 describes him.', evidenceIds: [exhibits.get('eu2021')!.id] });
  waiveCheck(ctx, { caseId, check: 'findings.identifiers', reason: WAIVE_IDENTIFIERS });
  await step('investigation');

  // Findings: per allegation and per subject, and each subject's statement of reasons.
  for (const a of DEMO_ALLEGATIONS) {
    const id = allegations.get(a.key)!;
    saveFinding(ctx, { caseId, target: { type: 'allegation', id }, section: 'finding', outcome: 'met', body: richDoc(a.finding, exhibits), revision: 0 });
    updateAllegation(ctx, { id, category: a.category, period: a.period, place: a.place, narrative: a.narrative, victims: [], status: 'substantiated' });
  }
  for (const s of DEMO_SUBJECTS) {
    const target = { type: 'subject' as const, id: subjects.get(s.key)! };
    saveFinding(ctx, { caseId, target, section: 'finding', outcome: 'met', body: richDoc(subjectFinding(s), exhibits), revision: 0 });
    saveFinding(ctx, { caseId, target, section: 'reasons', outcome: null, body: richDoc(subjectReasons(s), exhibits), revision: 0 });
  }
  await step('findings');
}

/** Each source note becomes an exhibit, described and graded; E-1 … in the order of DEMO_SOURCES. */
function importSources(ctx: EvidenceContext, caseId: string, uploads: Upload[]): Exhibits {
  const exhibits = new Map<SourceKey, { id: string; exhibit: string }>();
  DEMO_SOURCES.forEach((source, i) => {
    const { items, failed } = importUploads(ctx, {
      caseId,
      uploads: [{ uploadId: uploads[i]!.uploadId, originalName: source.fileName }],
      defaults: {
        obtainedAt: ctx.now(),
        obtainedHow: 'Note written by Casebench for the demo case, citing the public source',
        source: source.publisher,
        collectedBy: DEMO_ACTOR,
      },
    });
    // The vault could not take the note (a full disk): the demo is not built, and the user is told why.
    if (failed[0]) throw new Failure(failed[0].code, failed[0].message);
    const item = items[0]!;
    updateEvidence(ctx, {
      id: item.id,
      title: source.title,
      description: `Citation: ${source.citation}`,
      sourceReliability: 'A',
      informationCredibility: source.credibility,
      tags: ['demo', 'public source'],
      reason: 'Described and graded when the demo case was built.',
    });
    exhibits.set(source.key, { id: item.id, exhibit: item.exhibit });
  });
  return exhibits;
}

function subjectFields(s: DemoSubject, exhibits: Exhibits) {
  const ids = (keys: readonly SourceKey[]) => keys.map((k) => exhibits.get(k)!.id);
  const named = [...new Set(s.designations.flatMap((d) => d.sources))];
  const euListed = named.includes('eu2021');
  return SubjectFieldsSchema.parse({
    type: s.type,
    names: [
      { script: 'latn', value: s.latin, primary: true, evidenceIds: ids(named) },
      // The EU annex prints the four persons' names in Han script; the others' are public but not in these sources.
      { script: 'hans', value: s.han, primary: true, evidenceIds: euListed && s.type === 'person' ? ids(['eu2021']) : [] },
    ],
    aliases: (s.aliases ?? []).map((value) => ({ script: 'latn', value, strength: 'strong', evidenceIds: ids(['ofac']) })),
    birthDates: s.birth ? [{ date: s.birth.date, sourceText: s.birth.sourceText, evidenceIds: ids(['ofac']) }] : [],
    birthPlaces: s.birth?.place ? [{ place: s.birth.place, country: 'CN', evidenceIds: ids(['ofac']) }] : [],
    nationalities: s.nationality ? [{ country: s.nationality, evidenceIds: ids(euListed ? ['eu2021'] : ['ofac']) }] : [],
    positions: s.positions.map((p) => ({ title: p.title, organization: p.organization, period: p.period, evidenceIds: ids([p.source]) })),
    addresses: s.address ? [{ address: s.address, country: 'CN', evidenceIds: ids(['ofac']) }] : [],
    notes: 'Demo subject: built by Casebench from public sources only.',
  });
}
