import { Readable } from 'node:stream';
import { SubjectFieldsSchema, type SubjectFieldsInput } from '../../shared/contract/channels/subjects';
import type { FindingOutcome } from '../../shared/contract/channels/findings';
import { createAllegation } from '../services/allegation-service';
import { createCase } from '../services/case-service';
import type { EvidenceContext } from '../services/evidence-context';
import { createTestimony, importUploads, linkEvidence, updateEvidence } from '../services/evidence-service';
import { saveFinding } from '../services/findings-service';
import { createSubject, setSubjectRoles } from '../services/subject-service';
import { exhibitNode, richDocument, textNode } from '../richtext/build';

/**
 * A proposal's worth of case data built through the real services, from public facts (DOMAIN.md:
 * the 2020–2021 Xinjiang designations), for the document tests and the benchmark. The protected
 * names below are a witness's and a victim's "real" identities. Their proper home is Protected
 * persons (main/services/protected-identity-service.ts); here they are written where a hurried
 * investigator might also put them (a testimony's source, notes and description, a file's name),
 * to prove that even then they never reach a proposal.
 */
export const PROTECTED_NAMES = ['Aygul Tursunova', 'アイグル・トゥルスノワ', 'Mehmet Sabir'] as const;

/** A Lexical document: paragraphs of words, each followed by references to the exhibits given. */
export function richDoc(paragraphs: { words: string; exhibits?: { id: string; exhibit: string }[]; bold?: string }[]) {
  return richDocument(
    paragraphs.map((p) => [
      textNode(p.words),
      ...(p.bold ? [textNode(` ${p.bold}`, 1)] : []),
      ...(p.exhibits ?? []).flatMap((e) => [textNode(' '), exhibitNode(e.id, e.exhibit)]),
    ]),
  );
}

export interface ProposalCase {
  caseId: string;
  allegations: { id: string; reference: string }[];
  subjects: { id: string; reference: string }[];
  exhibits: { id: string; exhibit: string; sha256: string | null }[];
  /** The testimony whose source and notes hold a protected name. */
  testimony: { id: string; exhibit: string };
  /** An item linked as contradicting allegation A-1. */
  contradicting: { id: string; exhibit: string };
}

export interface ProposalCaseOptions {
  /** File exhibits in all (at least 4). */
  exhibits?: number;
  /** Paragraphs of each finding and statement of reasons (the document's length). */
  paragraphs?: number;
}

async function fileExhibit(ctx: EvidenceContext, caseId: string, name: string, content: string, title: string) {
  const upload = await ctx.vault.receive(Readable.from([Buffer.from(content)]), { name });
  const { id, exhibit } = importUploads(ctx, { caseId, uploads: [{ uploadId: upload.uploadId, originalName: name }] }).items[0]!;
  updateEvidence(ctx, {
    id,
    title,
    obtainedAt: '2021-03-22T10:00:00.000Z',
    sourceReliability: 'A',
    informationCredibility: 2,
    source: 'Official Journal of the European Union',
  });
  return { id, exhibit, sha256: upload.sha256 };
}

const ja = (n: number) =>
  `新疆ウイグル自治区における大規模な恣意的拘禁について、公開された政府文書及び報道によれば、対象者は自治区党委員会の幹部として、いわゆる「職業技能教育訓練センター」の設置及び運営を指揮した（第${n}段落）。`;
const en = (n: number) =>
  `Published government documents and reporting show that the subject, as a senior official of the regional Party Committee, directed the establishment and running of the so-called vocational training centres in the Xinjiang Uyghur Autonomous Region (paragraph ${n}).`;

export async function buildProposalCase(ctx: EvidenceContext, options: ProposalCaseOptions = {}): Promise<ProposalCase> {
  const exhibitCount = Math.max(4, options.exhibits ?? 4);
  const paragraphs = Math.max(1, options.paragraphs ?? 2);
  const caseId = createCase(ctx, {
    title: '新疆ウイグル自治区における恣意的拘禁 2017–2019',
    country: 'CN',
    situation: 'Xinjiang',
    summary: '',
  }).id;

  const a1 = createAllegation(ctx, {
    caseId,
    category: 'arbitrary_detention',
    period: { precision: 'range', from: '2017-04', to: '2019' },
    place: '新疆ウイグル自治区 Xinjiang Uyghur Autonomous Region',
    narrative:
      'Mass arbitrary detention of Uyghurs and other Muslim minorities in so-called vocational skills education and training centres.\n\nWitness W-01 describes detention without charge for eleven months.',
    victims: [{ pseudonym: 'W-01' }, { pseudonym: 'W-02' }, { pseudonym: 'W-03' }],
    status: 'substantiated',
  });
  const a2 = createAllegation(ctx, {
    caseId,
    category: 'torture',
    period: { precision: 'year', value: '2018' },
    place: 'Urumqi',
    narrative: '収容施設における拷問その他の残虐な取扱い。',
    victims: [{ pseudonym: 'W-02' }],
    status: 'substantiated',
  });

  const subjectOf = (fields: SubjectFieldsInput) => createSubject(ctx, { ...SubjectFieldsSchema.parse(fields), caseId });
  const zhu = subjectOf({
    type: 'person',
    names: [
      { script: 'latn', value: 'Zhu Hailun', primary: true },
      { script: 'hans', value: '朱海仑', primary: true },
      { script: 'jpan_kanji', value: '朱海侖', primary: true },
    ],
    aliases: [{ script: 'latn', value: 'Chu Hai-lun', strength: 'weak' }],
    birthDates: [{ date: { precision: 'month', value: '1958-01' }, sourceText: 'DOB Jan 1958 (OFAC SDN)' }],
    birthPlaces: [{ place: 'Lianshui, Jiangsu', country: 'CN' }],
    nationalities: [{ country: 'CN' }],
    positions: [
      { title: 'Deputy Secretary of the Party Committee', organization: 'Xinjiang Uyghur Autonomous Region', period: { precision: 'range', from: '2016', to: '2019' } },
      { title: 'Secretary of the Political and Legal Affairs Committee', organization: 'Xinjiang Uyghur Autonomous Region', period: { precision: 'range', from: '2016', to: '2019' } },
    ],
  });
  const wang = subjectOf({
    type: 'person',
    names: [
      { script: 'latn', value: 'Wang Junzheng', primary: true },
      { script: 'jpan_kanji', value: '王君正', primary: true },
    ],
    birthDates: [{ date: { precision: 'month', value: '1963-05' }, sourceText: '' }],
    nationalities: [{ country: 'CN' }],
    documents: [{ type: 'passport', number: 'E00000000', country: 'CN', note: 'example' }],
    positions: [{ title: 'Secretary of the Party Committee', organization: 'Xinjiang Production and Construction Corps', period: { precision: 'range', from: '2019', to: '2021' } }],
  });
  setSubjectRoles(ctx, { caseId, subjectId: zhu.id, roles: [{ allegationId: a1.id, role: 'commander' }, { allegationId: a2.id, role: 'commander' }] });
  setSubjectRoles(ctx, { caseId, subjectId: wang.id, roles: [{ allegationId: a1.id, role: 'commander' }] });

  const exhibits: ProposalCase['exhibits'] = [];
  // A witness's statement with her real name in its free-text fields: still never in a proposal.
  const testimonyItem = createTestimony(ctx, {
    caseId,
    title: 'Statement of witness W-01',
    description: `Interview with ${PROTECTED_NAMES[0]} (${PROTECTED_NAMES[1]}), former detainee.`,
    source: PROTECTED_NAMES[0],
    collectedBy: 'Investigator',
    notes: `Contact through ${PROTECTED_NAMES[2]}.`,
    obtainedAt: '2022-06-01T00:00:00.000Z',
    sourceReliability: 'B',
    informationCredibility: 2,
  });
  exhibits.push({ id: testimonyItem.id, exhibit: testimonyItem.exhibit, sha256: null });
  for (let i = 1; i < exhibitCount; i++) {
    const name = i === 1 ? `interview_${PROTECTED_NAMES[2].replace(' ', '_')}.txt` : `exhibit-${i}.txt`;
    exhibits.push(
      await fileExhibit(
        ctx,
        caseId,
        name,
        `Exhibit ${i}: Council Implementing Regulation (EU) 2021/478 of 22 March 2021, extract ${i}.\n`,
        i === 1 ? 'Council Implementing Regulation (EU) 2021/478 — Annex, entries 1–4' : `Published source ${i}: Xinjiang detention records (extract)`,
      ),
    );
  }
  const contradicting = exhibits[2]!;
  updateEvidence(ctx, { id: contradicting.id, title: 'Official statement denying the existence of detention camps (2018)' });
  linkEvidence(ctx, { itemId: contradicting.id, target: { type: 'allegation', id: a1.id }, stance: 'contradicting' });
  for (const e of exhibits.slice(1)) {
    if (e !== contradicting) linkEvidence(ctx, { itemId: e.id, target: { type: 'allegation', id: a1.id }, stance: 'supporting' });
  }
  linkEvidence(ctx, { itemId: testimonyItem.id, target: { type: 'allegation', id: a1.id }, stance: 'supporting' });

  const save = (target: { type: 'allegation' | 'subject'; id: string }, outcome: FindingOutcome | null, body: unknown) =>
    saveFinding(ctx, { caseId, target, section: outcome === null ? 'reasons' : 'finding', outcome, body, revision: 0 });
  const cite = (i: number) => [exhibits[1 + (i % (exhibits.length - 1))]!];
  save(
    { type: 'allegation', id: a1.id },
    'met',
    richDoc([
      ...Array.from({ length: paragraphs }, (_, i) => ({ words: en(i + 1), exhibits: cite(i) })),
      { words: 'The official denial is contradicted by the regional regulations and by the testimony', exhibits: [contradicting, exhibits[0]!], bold: 'and is given little weight.' },
    ]),
  );
  save({ type: 'allegation', id: a2.id }, 'met', richDoc([{ words: '複数の証言及び公開資料により、収容施設における拷問が認められる。', exhibits: [exhibits[0]!] }]));
  for (const s of [zhu, wang]) {
    save({ type: 'subject', id: s.id }, 'met', richDoc([{ words: en(0), exhibits: cite(1) }]));
    save({ type: 'subject', id: s.id }, null, richDoc(Array.from({ length: paragraphs }, (_, i) => ({ words: ja(i + 1), exhibits: cite(i + 2) }))));
  }
  return {
    caseId,
    allegations: [a1, a2].map((a) => ({ id: a.id, reference: a.reference })),
    subjects: [zhu, wang].map((s) => ({ id: s.id, reference: s.reference })),
    exhibits,
    testimony: { id: testimonyItem.id, exhibit: testimonyItem.exhibit },
    contradicting: { id: contradicting.id, exhibit: contradicting.exhibit },
  };
}
