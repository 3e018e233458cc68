import type { DocumentProblem, ProposalRequestParsed } from '../../shared/contract/channels/documents';
import type { Finding } from '../../shared/contract/channels/findings';
import type { CoordinationMatrix } from '../../shared/contract/channels/screening';
import type { EvidenceItem } from '../../shared/contract/channels/evidence';
import type { CaseSubject } from '../../shared/contract/channels/subjects';
import { EXHIBIT_REFERENCE_TYPE, SUBJECT_MENTION_TYPE } from '../../shared/richtext/nodes';
import { richTextReferences } from '../../shared/richtext/validate';
import { NAME_SCRIPTS } from '../../shared/domain/subjects';
import { AUTHORITIES } from '../../shared/domain/designations';
import { richTextContext } from '../richtext/context';
import { richTextsToHtml } from '../richtext/html';
import { richTextToText } from '../richtext/text';
import { listAllegations } from '../services/allegation-service';
import { getCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import { listEvidence } from '../services/evidence-service';
import { listFindings } from '../services/findings-service';
import { listCaseSubjects } from '../services/subject-service';
import type { Vault } from '../vault/vault';
import { addYears, dayInJapan, type DocLanguage } from './dates';
import type { FontLibrary } from './fonts/font-library';
import type { AllegationModel, ExculpatoryModel, ExhibitModel, NameLine, ProposalModel, RichBlock, SubjectModel } from './model';

/** What a proposal needs beyond the case's own records; each is optional, the document says what it lacks. */
export interface ProposalInputs {
  /** The partner-designation matrix of the case; null when the check is not available or was not run. */
  matrix: CoordinationMatrix | null;
  /** The reviewer who approved the case's latest review round, if any. */
  review: { reviewer: string; decidedAt: string } | null;
  /** To check that cited exhibits' files are still stored. */
  vault: Vault | null;
  fonts: FontLibrary;
}

/** A statement of reasons is a summary for an annex: past this many pages it belongs in the findings. */
export const REASONS_PAGE_LIMIT = 50;
/** Characters per A4 page of the document's body text: 40 × 36 for Japanese, about 3,300 for English. */
const CJK_CHARS_PER_PAGE = 1440;
const OTHER_CHARS_PER_PAGE = 3300;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Printed pages a text would take, estimated from its characters (docs/documents.md). */
export function estimatePages(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (CJK.test(ch)) cjk++;
    else other++;
  }
  return Math.ceil(cjk / CJK_CHARS_PER_PAGE + other / OTHER_CHARS_PER_PAGE);
}

/** The language a text is written in, for its `lang` and for the words around its exhibit references. */
export function textLanguage(text: string): DocLanguage {
  let cjk = 0;
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (CJK.test(ch)) cjk++;
  }
  return letters > 0 && cjk / letters >= 0.3 ? 'ja' : 'en';
}

/** "A proposal's number": the case reference, the measure, and the proposal's place among the case's proposals for that measure. */
export const documentNumber = (caseReference: string, measure: ProposalRequestParsed['measure'], seq: number) =>
  `${caseReference}-${measure === 'asset_freeze' ? 'AF' : 'TB'}-${String(seq).padStart(2, '0')}`;

/** The number and next version of the proposal for this measure and set of subjects. */
export function numberAndVersion(
  ctx: ServiceContext,
  caseId: string,
  caseReference: string,
  request: Pick<ProposalRequestParsed, 'measure' | 'subjectIds' | 'language'>,
): { number: string; version: number } {
  const subjects = JSON.stringify([...request.subjectIds].sort());
  const existing = ctx.db
    .prepare('SELECT number FROM issued_documents WHERE case_id = ? AND measure = ? AND subject_ids = ? LIMIT 1')
    .pluck()
    .get(caseId, request.measure, subjects) as string | undefined;
  if (existing) {
    const last = ctx.db.prepare('SELECT max(version) FROM issued_documents WHERE number = ? AND language = ?').pluck().get(existing, request.language) as
      | number
      | null;
    return { number: existing, version: (last ?? 0) + 1 };
  }
  const proposals = ctx.db
    .prepare('SELECT count(DISTINCT number) FROM issued_documents WHERE case_id = ? AND measure = ?')
    .pluck()
    .get(caseId, request.measure) as number;
  return { number: documentNumber(caseReference, request.measure, proposals + 1), version: 1 };
}

type TextKind = NonNullable<DocumentProblem['text']>['kind'];

/**
 * Gathers a proposal from the case data and says what keeps it from being issued. Reads only
 * through the services (and the evidence links' table), and copies into the model only what a
 * proposal prints: never victims' pseudonyms or identities, never an evidence item's source,
 * collector, notes, description or file name, where a witness's identity may be written.
 */
export function assembleProposal(
  ctx: ServiceContext,
  request: ProposalRequestParsed,
  inputs: ProposalInputs,
  issue: { number: string; version: number; draft: boolean },
): { model: ProposalModel; problems: DocumentProblem[] } {
  const problems: DocumentProblem[] = [];
  const problem = (p: DocumentProblem) => problems.push(p);
  const detail = getCase(ctx, request.caseId);
  const allegations = listAllegations(ctx, request.caseId);
  const caseSubjects = listCaseSubjects(ctx, request.caseId);
  const findings = listFindings(ctx, request.caseId);
  const items = allEvidence(ctx, request.caseId);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const fonts = inputs.fonts;
  const subjectLabel = (cs: CaseSubject) => `${cs.subject.reference} ${cs.subject.displayName}`;

  // The subjects asked for, in the order of their references.
  const chosen: CaseSubject[] = [];
  for (const id of request.subjectIds) {
    const found = caseSubjects.find((cs) => cs.subject.id === id);
    if (found) chosen.push(found);
    else problem({ code: 'subject_not_in_case', message: `A subject asked for (${id}) is not part of this case.` });
  }
  chosen.sort((a, b) => refNumber(a.subject.reference) - refNumber(b.subject.reference));

  // The allegations the chosen subjects have a part in.
  const allegationIds = new Set(chosen.flatMap((cs) => cs.roles.map((r) => r.allegationId)));
  const included = allegations.filter((a) => allegationIds.has(a.id));
  const findingOf = (type: 'allegation' | 'subject', id: string, section: 'finding' | 'reasons') =>
    findings.find((f) => f.target.type === type && f.target.id === id && f.section === section) ?? null;

  // Every text the proposal prints, with where it comes from (for messages and "addressed in").
  interface Text {
    finding: Finding;
    kind: TextKind;
    of: string;
    plain: string;
    lang: DocLanguage;
  }
  const texts: Text[] = [];
  const addText = (finding: Finding | null, kind: TextKind, of: string): Text | null => {
    if (!finding) return null;
    const plain = richTextToText(finding.body, richTextContext(ctx, 'en'));
    const text = { finding, kind, of, plain, lang: textLanguage(plain) };
    texts.push(text);
    return text;
  };

  const allegationTexts = new Map(included.map((a) => [a.id, addText(findingOf('allegation', a.id, 'finding'), 'allegation_finding', a.reference)]));
  const subjectTexts = new Map(
    chosen.map((cs) => [
      cs.subject.id,
      {
        finding: addText(findingOf('subject', cs.subject.id, 'finding'), 'subject_finding', subjectLabel(cs)),
        reasons: addText(findingOf('subject', cs.subject.id, 'reasons'), 'reasons', subjectLabel(cs)),
      },
    ]),
  );

  for (const cs of chosen) {
    const label = subjectLabel(cs);
    if (request.measure === 'travel_ban' && cs.subject.type !== 'person') {
      problem({ code: 'travel_ban_entity', subject: label, message: `${label} is not a natural person: a travel ban applies only to people.` });
    }
    if (cs.roles.length === 0) {
      problem({ code: 'no_roles', subject: label, message: `${label} has no role in any allegation of the case.` });
    }
    const { finding, reasons } = subjectTexts.get(cs.subject.id)!;
    if (!finding) problem({ code: 'no_subject_finding', subject: label, message: `There is no finding on ${label}.` });
    else if (finding.finding.outcome !== 'met') {
      problem({ code: 'subject_finding_not_met', subject: label, message: `The finding on ${label} does not say the standard of proof is met.` });
    }
    if (!reasons || reasons.plain.trim() === '') {
      problem({ code: 'no_reasons', subject: label, message: `${label} has no statement of reasons.` });
    } else {
      const pages = estimatePages(reasons.plain);
      if (pages > REASONS_PAGE_LIMIT) {
        problem({
          code: 'reasons_too_long',
          subject: label,
          pages,
          limit: REASONS_PAGE_LIMIT,
          message: `The statement of reasons for ${label} would take about ${pages} pages; the limit is ${REASONS_PAGE_LIMIT}. Summarise it, and leave the detail to the findings.`,
        });
      }
    }
  }
  for (const allegation of included) {
    if (!allegationTexts.get(allegation.id)) {
      problem({ code: 'no_allegation_finding', allegation: allegation.reference, message: `Allegation ${allegation.reference} has no finding.` });
    }
  }

  // References in the texts to records that are gone.
  for (const text of texts) {
    for (const itemId of text.finding.broken.itemIds) {
      const exhibit = labelAtInsert(text.finding.body, EXHIBIT_REFERENCE_TYPE, 'itemId', itemId, 'label');
      problem({
        code: 'broken_exhibit',
        text: { kind: text.kind, of: text.of },
        ...(exhibit ? { exhibit } : {}),
        message: `${describeText(text.kind, text.of)} cites exhibit ${exhibit || '(unknown)'}, which is no longer in the case file. Remove or replace the reference.`,
      });
    }
    for (const subjectId of text.finding.broken.subjectIds) {
      const name = labelAtInsert(text.finding.body, SUBJECT_MENTION_TYPE, 'subjectId', subjectId, 'name');
      problem({
        code: 'broken_subject',
        text: { kind: text.kind, of: text.of },
        ...(name ? { subject: name } : {}),
        message: `${describeText(text.kind, text.of)} mentions ${name || 'a subject'}, who is no longer in the workspace.`,
      });
    }
  }

  // Exhibits: cited in a text, linked to an allegation or subject of the proposal, or behind a subject's facts.
  const targets = new Map<string, string>([
    ...included.map((a) => [a.id, a.reference] as [string, string]),
    ...chosen.map((cs) => [cs.subject.id, cs.subject.reference] as [string, string]),
  ]);
  const links = linksOf(ctx, request.caseId).filter((l) => targets.has(l.target_id));
  const exhibitIds = new Set<string>();
  const citing = new Map<string, Text[]>();
  for (const text of texts) {
    for (const itemId of richTextReferences(text.finding.body).itemIds) {
      if (!itemById.has(itemId)) continue;
      exhibitIds.add(itemId);
      citing.set(itemId, [...(citing.get(itemId) ?? []), text]);
    }
  }
  for (const link of links) exhibitIds.add(link.item_id);
  for (const cs of chosen) {
    const s = cs.subject;
    for (const fact of [...s.names, ...s.aliases, ...s.birthDates, ...s.birthPlaces, ...s.nationalities, ...s.documents, ...s.positions, ...s.addresses]) {
      for (const id of fact.evidenceIds) if (itemById.has(id)) exhibitIds.add(id);
    }
  }
  const exhibits: ExhibitModel[] = [...exhibitIds]
    .map((id) => itemById.get(id)!)
    .sort((a, b) => refNumber(a.exhibit) - refNumber(b.exhibit))
    .map((item) => ({
      exhibit: item.exhibit,
      seq: refNumber(item.exhibit),
      title: item.title,
      kind: item.kind,
      obtainedAt: item.obtainedAt,
      grading: item.sourceReliability || item.informationCredibility ? `${item.sourceReliability ?? '–'}${item.informationCredibility ?? '–'}` : null,
      sha256: item.sha256,
    }));
  if (inputs.vault) {
    for (const id of exhibitIds) {
      const item = itemById.get(id)!;
      if (item.sha256 && !inputs.vault.has(item.sha256)) {
        problem({
          code: 'exhibit_file_missing',
          exhibit: item.exhibit,
          message: `The stored file of exhibit ${item.exhibit} is missing from the evidence vault. Run Verify integrity.`,
        });
      }
    }
  }

  // Exculpatory material: contradicting links, and the texts that address them by citing the item.
  const exculpatory: ExculpatoryModel[] = [];
  const contradicting = new Map<string, string[]>();
  for (const link of links.filter((l) => l.stance === 'contradicting')) {
    contradicting.set(link.item_id, [...(contradicting.get(link.item_id) ?? []), targets.get(link.target_id)!]);
  }
  for (const [itemId, against] of [...contradicting].sort((a, b) => refNumber(itemById.get(a[0])!.exhibit) - refNumber(itemById.get(b[0])!.exhibit))) {
    const item = itemById.get(itemId)!;
    const addressedIn = (citing.get(itemId) ?? []).map((t) => ({ kind: t.kind, of: t.of }));
    exculpatory.push({ exhibit: item.exhibit, title: item.title, contradicts: [...new Set(against)].sort(), addressedIn });
    if (addressedIn.length === 0) {
      problem({
        code: 'exculpatory_unaddressed',
        exhibit: item.exhibit,
        message: `Exhibit ${item.exhibit} contradicts ${against.join(', ')}, and no finding or statement of reasons of this proposal cites it. Address it in the finding.`,
      });
    }
  }

  // Rich text to HTML, each text with the words of its own language around its references.
  const rendered = new Map<Text, RichBlock>();
  for (const lang of ['ja', 'en'] as const) {
    const group = texts.filter((t) => t.lang === lang);
    if (group.length === 0) continue;
    const html = richTextsToHtml(
      group.map((t) => t.finding.body),
      richTextContext(ctx, lang),
    );
    group.forEach((t, i) => rendered.set(t, { html: linkExhibits(html[i]!), lang }));
  }
  const blockOf = (text: Text | null | undefined) => (text ? rendered.get(text)! : null);

  // Names and other text the fonts cannot print.
  const scriptName = (code: string) => NAME_SCRIPTS.find((s) => s.code === code)?.en ?? code;
  const nameLine = (n: { script: NameLine['script']; value: string }, strength?: 'strong' | 'weak'): NameLine => ({
    script: n.script,
    value: n.value,
    lang: NAME_SCRIPTS.find((s) => s.code === n.script)?.lang ?? 'und',
    printable: fonts.unprintable(n.value).length === 0,
    ...(strength ? { strength } : {}),
  });
  const checkText = (where: Omit<DocumentProblem, 'code' | 'message' | 'characters'>, what: string, value: string) => {
    const missing = fonts.unprintable(value);
    if (missing.length === 0) return;
    const characters = missing.slice(0, 12).join('');
    problem({
      code: 'text_unprintable',
      ...where,
      characters,
      message: `${what} contains characters the document fonts cannot print (${characters}). Write it in a script they can print, or install the font.`,
    });
  };

  const subjects: SubjectModel[] = chosen.map((cs) => {
    const s = cs.subject;
    const label = subjectLabel(cs);
    const names = s.names.map((n) => nameLine(n));
    if (names.every((n) => !n.printable)) {
      const scripts = [...new Set(names.map((n) => scriptName(n.script)))].join(', ');
      problem({
        code: 'names_unprintable',
        subject: label,
        characters: scripts,
        message: `${label} has names only in ${scripts} script, which the document fonts cannot print. Add the name in Latin script (as partners' lists write it), or install a font for ${scripts}.`,
      });
    }
    const fields: [string, string][] = [
      ...s.birthPlaces.map((p) => ['birthPlaces', p.place] as [string, string]),
      ...s.positions.map((p) => ['positions', `${p.title} ${p.organization}`] as [string, string]),
      ...s.documents.map((d) => ['documents', d.number] as [string, string]),
      ...s.addresses.map((a) => ['addresses', a.address] as [string, string]),
      ...s.birthDates.map((b) => ['birthDates', b.sourceText] as [string, string]),
    ];
    for (const [field, value] of fields) checkText({ subject: label, field }, `The ${field} of ${label}`, value);
    const { finding, reasons } = subjectTexts.get(s.id)!;
    return {
      id: s.id,
      reference: s.reference,
      type: s.type,
      displayName: s.displayName,
      names,
      aliases: s.aliases.map((a) => nameLine(a, a.strength)),
      birthDates: s.birthDates.map((b) => ({ date: b.date, sourceText: b.sourceText })),
      birthPlaces: s.birthPlaces.map((p) => ({ place: p.place, country: p.country })),
      nationalities: s.nationalities.map((n) => n.country),
      documents: s.documents.map((d) => ({ type: d.type, number: d.number, country: d.country })),
      positions: s.positions.map((p) => ({ title: p.title, organization: p.organization, period: p.period })),
      addresses: s.addresses.map((a) => ({ address: a.address, country: a.country })),
      roles: cs.roles.map((r) => ({ allegation: r.allegationReference, role: r.role })),
      reasons: blockOf(reasons),
      finding: finding && finding.finding.outcome ? { outcome: finding.finding.outcome, body: blockOf(finding)! } : null,
      coordination: inputs.matrix?.rows.find((row) => row.subject.id === s.id) ?? null,
    };
  });

  const allegationModels: AllegationModel[] = included.map((a) => {
    checkText({ allegation: a.reference, field: 'place' }, `The place of ${a.reference}`, a.place);
    checkText({ allegation: a.reference, field: 'narrative' }, `The narrative of ${a.reference}`, a.narrative);
    const text = allegationTexts.get(a.id);
    return {
      id: a.id,
      reference: a.reference,
      category: a.category,
      period: a.period,
      place: a.place,
      status: a.status,
      narrative: a.narrative,
      victimCount: a.victims.length,
      subjects: chosen.flatMap((cs) =>
        cs.roles.filter((r) => r.allegationId === a.id).map((r) => ({ reference: cs.subject.reference, name: cs.subject.displayName, role: r.role })),
      ),
      finding: text && text.finding.outcome ? { outcome: text.finding.outcome, body: blockOf(text)! } : null,
    };
  });
  for (const text of texts) checkText({ text: { kind: text.kind, of: text.of } }, describeText(text.kind, text.of), text.plain);
  for (const exhibit of exhibits) checkText({ exhibit: exhibit.exhibit, field: 'title' }, `The title of exhibit ${exhibit.exhibit}`, exhibit.title);
  checkText({ field: 'case_title' }, 'The case title', detail.title);
  checkText({ field: 'addressee' }, 'The addressee', request.addressee);
  checkText({ field: 'reviewer' }, "The reviewer's name", request.reviewer);
  checkText({ field: 'scope_note' }, 'The scope note', request.scopeNote);

  const day = dayInJapan(ctx.now());
  const model: ProposalModel = {
    measure: request.measure,
    language: request.language,
    classification: request.classification,
    standard: request.standard,
    case: { reference: detail.reference, title: detail.title },
    number: issue.number,
    version: issue.version,
    day,
    draft: issue.draft,
    demo: detail.demo,
    addressee: request.addressee || null,
    author: ctx.actor,
    reviewer: request.reviewer || inputs.review?.reviewer || null,
    proposedDate: request.proposedDate,
    reviewDate: request.reviewDate ?? addYears(day, 1),
    scopeNote: request.scopeNote,
    subjects,
    allegations: allegationModels,
    exhibits,
    exculpatory,
    coordinationAvailable: inputs.matrix !== null,
    authorities: inputs.matrix?.authorities ?? [...AUTHORITIES],
  };
  return { model, problems };
}

export function describeText(kind: TextKind, of: string): string {
  switch (kind) {
    case 'allegation_finding':
      return `The finding on allegation ${of}`;
    case 'subject_finding':
      return `The finding on ${of}`;
    case 'reasons':
      return `The statement of reasons for ${of}`;
  }
}

/** "E-12" → 12, "S-3" → 3: references sort by their number. */
const refNumber = (reference: string) => Number(/\d+$/.exec(reference)?.[0] ?? 0);

/** Every evidence item of the case (the list channel pages by 500). */
function allEvidence(ctx: ServiceContext, caseId: string): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = listEvidence(ctx, { caseId, offset, limit: 500 });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

interface LinkRow {
  item_id: string;
  target_type: 'allegation' | 'subject';
  target_id: string;
  stance: 'supporting' | 'contradicting';
}

function linksOf(ctx: ServiceContext, caseId: string): LinkRow[] {
  return ctx.db
    .prepare(
      `SELECT l.item_id, l.target_type, l.target_id, l.stance FROM evidence_links l
       JOIN evidence_items e ON e.id = l.item_id WHERE e.case_id = ? ORDER BY e.seq, l.target_id`,
    )
    .all(caseId) as LinkRow[];
}

/** The label or name a reference had when it was inserted: all that is left of a record that is gone. */
function labelAtInsert(body: unknown, type: string, idKey: string, id: string, labelKey: string): string {
  let found = '';
  const visit = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === type && record[idKey] === id && typeof record[labelKey] === 'string') {
      found = record[labelKey];
      return;
    }
    if (Array.isArray(record.children)) record.children.forEach(visit);
  };
  if (typeof body === 'object' && body !== null) visit((body as { root?: unknown }).root);
  return found;
}

/** Exhibit references become links to the exhibit's row in section 4 (they stay links in the PDF). */
function linkExhibits(html: string): string {
  return html.replace(
    /<span class="exhibit-ref" data-item-id="[^"]*" data-exhibit="(E-\d+)">([^<]*)<\/span>/g,
    (_m, exhibit: string, text: string) => `<a class="exhibit-ref" href="#exhibit-${exhibit}">${text}</a>`,
  );
}
