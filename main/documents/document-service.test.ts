import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationMatrix, MatrixCell } from '../../shared/contract/channels/screening';
import { AUTHORITIES, type Authority } from '../../shared/domain/designations';
import { Failure } from '../ipc/failure';
import { closeCase } from '../services/case-service';
import { caseHistory } from '../services/case-history';
import { saveFinding } from '../services/findings-service';
import { createSubject, setSubjectRoles } from '../services/subject-service';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { evidenceContext } from '../test-support/evidence-context';
import { makeReadOnly } from '../test-support/read-only-dir';
import { tempDir } from '../test-support/temp-dir';
import { exportDocument, issueProposal, listDocuments, previewProposal, type DocumentDeps } from './document-service';
import { documentFonts } from './fonts/font-library';
import { FINGERPRINT_PLACEHOLDER } from './html/sections/fingerprint';
import { playwrightPrinter } from './playwright-printer';
import { buildProposalCase, PROTECTED_NAMES, richDoc, type ProposalCase } from './proposal-fixture';
import { proposalMatrix } from './coordination-input';
import { decideCandidate, listCandidates, runScreening } from '../screening/screening-service';
import { importFixture } from '../screening/test-lists';

/**
 * Proposal documents from real case data, through the real services, printed by the installed
 * Chromium. PDFs are read back with poppler (pdftotext, pdffonts, pdftoppm), as an official's
 * tools would; a rendered page is kept in test-results/documents/ to be looked at.
 */
const ARTEFACTS = path.join(process.cwd(), 'test-results', 'documents');
const fonts = documentFonts();
const printer = playwrightPrinter({ fontFile: (url) => fonts.filePath(url) });
const deps = (matrix: CoordinationMatrix | null = null): DocumentDeps => ({ fonts, printer, matrix: () => matrix, creator: 'Casebench test' });

beforeAll(() => fs.mkdirSync(ARTEFACTS, { recursive: true }));
afterAll(() => printer.close());

const pdfText = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
const pdfFonts = (file: string) =>
  execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name, type (1–3 words), encoding, emb, sub, uni, object, generation
      return { name: cols[0]!, emb: cols.at(-5)!, line };
    });
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const cell = (state: MatrixCell['state'], listName = '', programmes: string[] = [], listedOn: string | null = null): MatrixCell => ({
  state,
  designations: state === 'designated' ? [{ candidateId: '01900000-0000-7000-8000-000000000001', listKey: listName, listRef: 'X', listName, programmes, listedOn, name: 'ZHU, Hailun' }] : [],
  pending: 0,
});

/** What main/screening answers for the case: Zhu Hailun designated by the US (2020) and by the UK, EU and Canada (2021). */
function matrixFor(pc: ProposalCase): CoordinationMatrix {
  const designated: Partial<Record<Authority, MatrixCell>> = {
    US: cell('designated', 'OFAC SDN List', ['GLOMAG'], '2020-07-09'),
    UK: cell('designated', 'UK Sanctions List', ['Global Human Rights'], '2021-03-22'),
    EU: cell('designated', 'EU Financial Sanctions Files', ['EU Global Human Rights Sanctions Regime'], '2021-03-22'),
    CA: cell('designated', 'Consolidated Canadian Autonomous Sanctions List', ['Special Economic Measures (People’s Republic of China) Regulations'], '2021-03-22'),
  };
  const row = (subject: { id: string; reference: string }, name: string, withDesignations: boolean) => ({
    subject: { id: subject.id, reference: subject.reference, type: 'person' as const, displayName: name },
    cases: [{ id: pc.caseId, reference: 'HR-2026-0001' }],
    cells: Object.fromEntries(AUTHORITIES.map((a) => [a, (withDesignations && designated[a]) || cell(a === 'AU' ? 'list_not_loaded' : 'not_designated')])) as Record<
      Authority,
      MatrixCell
    >,
    designatedBy: withDesignations ? (['US', 'UK', 'EU', 'CA'] as Authority[]) : [],
    gap: withDesignations,
    firstListedOn: withDesignations ? '2020-07-09' : null,
  });
  return {
    authorities: [...AUTHORITIES],
    lists: {} as CoordinationMatrix['lists'],
    rows: [row(pc.subjects[0]!, 'Zhu Hailun', true), row(pc.subjects[1]!, 'Wang Junzheng', false)],
  };
}

const request = (pc: ProposalCase, overrides: Record<string, unknown> = {}) => ({
  caseId: pc.caseId,
  measure: 'asset_freeze' as const,
  subjectIds: pc.subjects.map((s) => s.id),
  language: 'bilingual' as const,
  ...overrides,
});

describe('a bilingual asset-freeze proposal', () => {
  it('holds every section DOMAIN.md requires, in Japanese and in English, from the case data', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const preview = previewProposal(ctx, request(pc, { reviewer: '佐藤 健', addressee: '財務大臣 殿' }), deps(matrixFor(pc)));
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ number: 'HR-2026-0002-AF-01', version: 1 });
    const html = preview.html;
    const text = html.replace(/<[^>]+>/g, '');

    // 1. Heading: case reference, number and version, dates in both calendars, classification, addressee, author, reviewer.
    for (const text of ['資産凍結措置に関する提案書', 'Proposal for an asset freeze', 'HR-2026-0002', 'HR-2026-0002-AF-01', '第1版', 'Version 1']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('2026年11月27日（令和8年11月27日）');
    expect(html).toContain('27 November 2026');
    expect(html).toContain('取扱注意');
    expect(html).toContain('RESTRICTED');
    expect(html).toContain('財務大臣 殿');
    expect(html).toContain('tester');
    expect(html).toContain('佐藤 健');
    // Every section, numbered, with its Japanese and English title.
    for (const id of ['measure', 'subjects', 'findings', 'exhibits', 'exculpatory', 'coordination', 'scope', 'signatures']) {
      expect(html).toContain(`<section id="${id}"`);
    }
    // 2. The measure and its legal basis.
    expect(html).toContain('外国為替及び外国貿易法（昭和24年法律第228号）第16条第1項及び第21条第1項');
    expect(html).toContain('Foreign Exchange and Foreign Trade Act (Act No. 228 of 1949)');
    expect(html).toContain('人権侵害制裁法');
    // 3. Identification in the EU annex's layout: names in every printable script, aliases, date and place of birth, nationality, documents, positions.
    expect(html).toContain('Zhu Hailun');
    expect(html).toContain('朱海侖');
    expect(html).toContain('Chu Hai-lun');
    expect(html).toContain('1958年1月');
    expect(html).toContain('January 1958');
    expect(html).toContain('Lianshui, Jiangsu');
    expect(text).toContain('中国 / China');
    expect(text).toContain('Passport: E00000000');
    expect(html).toContain('Deputy Secretary of the Party Committee');
    expect(html).toContain('指定予定日');
    // The simplified-Chinese name prints with the bundled Noto Sans SC fallback.
    expect(html).toContain('朱海仑');
    expect(html).not.toContain('held in the case file');
    // Reasons (the subject's statement of reasons) and the summary of conduct with findings and the standard of proof.
    expect(html).toContain('職業技能教育訓練センター');
    expect(html).toContain('reasonable grounds to suspect');
    expect(html).toContain('疑うに足りる相当な理由');
    expect(html).toContain('基準を満たす');
    expect(html).toContain('3 (recorded under pseudonyms; identities withheld)');
    // 4. Exhibits: number, description, date, grading, SHA-256; exhibit references link to their rows.
    for (const e of pc.exhibits) {
      expect(html).toContain(`id="exhibit-${e.exhibit}"`);
      if (e.sha256) expect(html).toContain(e.sha256);
    }
    expect(html).toContain('<td class="num">2021-03-22</td><td>A2</td>');
    expect(text).toContain('証言（ファイルなし） / Testimony: no file');
    expect(html).toMatch(/<a class="exhibit-ref" href="#exhibit-E-\d+">Exhibit E-\d+<\/a>/);
    expect(html).toMatch(/<a class="exhibit-ref" href="#exhibit-E-\d+">証拠 E-\d+<\/a>/);
    // 5. Exculpatory material and where the findings address it.
    expect(html).toContain('Official statement denying the existence of detention camps (2018)');
    expect(html).toContain('Finding on A-1');
    // 6. International coordination: who designated, under which programme, since when; the gap.
    expect(html).toContain('GLOMAG');
    expect(html).toContain('since 9 July 2020');
    expect(html).toContain('2021年3月22日から');
    expect(html).toContain('Designated by United States, United Kingdom, European Union, Canada; not designated by Japan.');
    expect(html).toContain('米国、英国、欧州連合、カナダが指定済み。日本は未指定。');
    // 7. Scope, exemptions and the review date (a year on by default); 8. signature blocks.
    expect(html).toContain('basic needs');
    expect(html).toContain('2027年11月27日（令和9年11月27日）');
    expect(html).toContain('調査担当者');
    expect(html).toContain('Reviewer');
    // A draft says so, and has no fingerprint yet.
    expect(html).toContain('DRAFT');
    expect(html).toContain('the fingerprint is computed when the document is issued');
    // The page may load nothing but the app's fonts.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:"`);
    expect(html).not.toMatch(/<script|local\(|https?:\/\//);
  });

  it('never prints a victim’s or witness’s identity, nor where an evidence item came from', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const { html } = previewProposal(ctx, request(pc), deps());
    for (const name of [...PROTECTED_NAMES, 'interview_Mehmet_Sabir.txt', 'Official Journal of the European Union', 'Interview with']) {
      expect(html).not.toContain(name);
    }
    // The testimony is listed as an exhibit by its title only.
    expect(html).toContain('Statement of witness W-01');
  });
});

describe('international coordination from the real screening', () => {
  it('says the check was not run while no partner list is loaded, and states confirmed designations and the gap once it is', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const withScreening: DocumentDeps = { ...deps(), matrix: proposalMatrix };
    expect(proposalMatrix(ctx, pc.caseId)).toBeNull();
    expect(previewProposal(ctx, request(pc), withScreening).html).toContain('The partner-designation check has not been run for this case');

    await importFixture(ctx, 'ofacExcerpt'); // the real OFAC SDN excerpt (Burma and Xinjiang, July 2021)
    await runScreening(ctx, { scope: 'case', caseId: pc.caseId });
    const candidate = listCandidates(ctx, { subjectId: pc.subjects[0]!.id })[0]!.persons.flatMap((p) => p.candidates).find((c) => c.listKey === 'us-ofac-sdn');
    expect(candidate?.seen.name).toBe('ZHU, Hailun');
    decideCandidate(ctx, { candidateId: candidate!.id, decision: 'confirmed', note: 'Same DOB and place of birth', caseId: pc.caseId });

    const text = previewProposal(ctx, request(pc), withScreening).html.replace(/<[^>]+>/g, '');
    expect(text).toContain('GLOMAG');
    expect(text).toContain('Designated by United States; not designated by Japan.');
    expect(text).toContain('米国が指定済み。日本は未指定。');
    expect(text).toContain('No partner has designated this subject.'); // Wang Junzheng is not on this excerpt
  });
});

describe('issuing', () => {
  it('prints a PDF an official can read: Japanese and English text, exhibit hashes, "n / N", only embedded Noto fonts, metadata', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx, { exhibits: 30, paragraphs: 6 });
    const doc = await issueProposal(ctx, request(pc, { reviewer: '佐藤 健' }), deps(matrixFor(pc)));
    const file = path.join(ARTEFACTS, 'proposal-bilingual.pdf');
    fs.copyFileSync(ctx.vault.contentPath(doc.sha256), file);
    expect(sha256(fs.readFileSync(file))).toBe(doc.sha256);

    const text = pdfText(file);
    expect(text).toContain('資産凍結措置に関する提案書');
    expect(text).toContain('Proposal for an asset freeze');
    expect(text).toContain('外国為替及び外国貿易法');
    expect(text).toContain('令和8年11月27日');
    for (const e of pc.exhibits.filter((x) => x.sha256)) expect(text).toContain(`SHA-256 ${e.sha256}`);
    const pages = doc.pageCount;
    expect(pages).toBeGreaterThan(4);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`${n} / ${pages}`);
    // The table of contents names the page each section starts on.
    const firstPage = pdfText(file, '-f', '1', '-l', '2', '-layout');
    expect(firstPage).toMatch(/目次/);
    expect(firstPage).toMatch(/4\.\s+証拠一覧\s+Exhibits\s+\d+/);
    // The fingerprint on the last page is the SHA-256 of the HTML source kept in the vault.
    const last = pdfText(file, '-f', String(pages), '-l', String(pages));
    expect(last.replace(/\s/g, '')).toContain(doc.sourceSha256);
    const source = fs.readFileSync(ctx.vault.contentPath(doc.sourceSha256), 'utf8');
    expect(sha256(source)).toBe(doc.sourceSha256);
    expect(source).toContain(FINGERPRINT_PLACEHOLDER);
    expect(source).not.toContain('DRAFT');

    const used = pdfFonts(file);
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) {
      expect(f.line).toMatch(/CID TrueType/);
      expect(f.emb).toBe('yes');
      // Fontsource's Noto JP (its instances are named after the variable font's first master).
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoS(ans|erif)(JP|SC|TC|KR|Myanmar|Arabic)/);
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+資産凍結措置に関する提案書 \/ Proposal for an asset freeze — HR-2026-0002-AF-01 v1/);
    expect(info).toMatch(/Author:\s+tester/);
    expect(info).toMatch(/Subject:\s+HR-2026-0002: S-1 Zhu Hailun; S-2 Wang Junzheng/);
    expect(info).toMatch(/Keywords:.*HR-2026-0002-AF-01/);
    expect(info).toMatch(/CreationDate:\s+Thu Nov 26 15:00:00 2026 UTC/); // 27 November in Japan
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    for (const n of [1, 3]) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(n), '-l', String(n), '-singlefile', file, path.join(ARTEFACTS, `proposal-bilingual-page-${n}`)]);
    expect(fs.statSync(path.join(ARTEFACTS, 'proposal-bilingual-page-1.png')).size).toBeGreaterThan(10_000);

    // Recorded: the documents table, and the case history with the PDF's hash.
    expect(listDocuments(ctx, pc.caseId)).toEqual([doc]);
    expect(caseHistory(ctx, pc.caseId).at(-1)).toMatchObject({
      kind: 'document_issued',
      actor: 'tester',
      subject: 'HR-2026-0002-AF-01 v1 (bilingual)',
      reason: `PDF SHA-256 ${doc.sha256}`,
    });
  });

  it('freezes what it issued: later edits make a new version, the issued one never changes', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const first = await issueProposal(ctx, request(pc, { language: 'ja' }), deps());
    const firstBytes = fs.readFileSync(ctx.vault.contentPath(first.sha256));

    saveFinding(ctx, {
      caseId: pc.caseId,
      target: { type: 'subject', id: pc.subjects[1]!.id },
      section: 'reasons',
      outcome: null,
      body: richDoc([{ words: '改訂された理由書。', exhibits: [pc.exhibits[1]!] }]),
      revision: 1,
    });
    const second = await issueProposal(ctx, request(pc, { language: 'ja', subjectIds: [...pc.subjects.map((s) => s.id)].reverse() }), deps());
    expect(second).toMatchObject({ number: first.number, version: 2, language: 'ja' });
    expect(second.sha256).not.toBe(first.sha256);
    expect(pdfText(ctx.vault.contentPath(second.sha256))).toContain('改訂された理由書');
    expect(pdfText(ctx.vault.contentPath(first.sha256))).not.toContain('改訂された理由書');

    // Version 1 is as it was: its row, its file, its hash.
    expect(listDocuments(ctx, pc.caseId)).toEqual([second, first]);
    expect(fs.readFileSync(ctx.vault.contentPath(first.sha256)).equals(firstBytes)).toBe(true);
    expect(() => ctx.db.prepare('UPDATE issued_documents SET sha256 = ? WHERE id = ?').run(second.sha256, first.id)).toThrow(/frozen/);
    expect(() => ctx.db.prepare('DELETE FROM issued_documents WHERE id = ?').run(first.id)).toThrow(/frozen/);
    // The start-up sweep keeps documents' files (they are referenced by no evidence item).
    ctx.reopen();
    for (const sha of [first.sha256, first.sourceSha256, second.sha256, second.sourceSha256]) expect(ctx.vault.has(sha)).toBe(true);
    // Another proposal (another measure) gets its own number; English is its own series of versions.
    const english = await issueProposal(ctx, request(pc, { language: 'en', measure: 'asset_freeze' }), deps());
    expect(english).toMatchObject({ number: first.number, version: 1, language: 'en' });
    const travel = previewProposal(ctx, request(pc, { measure: 'travel_ban' }), deps());
    expect(travel.number).toBe('HR-2026-0002-TB-01');
  });

  it('exports a copy to a folder, and refuses a folder it cannot write to, writing nothing', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const doc = await issueProposal(ctx, request(pc, { language: 'en' }), deps());
    const folder = tempDir();
    await expect(exportDocument(ctx, { id: doc.id, folder }, {})).resolves.toEqual({ fileName: doc.fileName });
    expect(fs.readdirSync(folder)).toEqual([doc.fileName]);
    expect(sha256(fs.readFileSync(path.join(folder, doc.fileName)))).toBe(doc.sha256);

    const notAFolder = path.join(folder, doc.fileName);
    await expect(exportDocument(ctx, { id: doc.id, folder: notAFolder }, {})).rejects.toMatchObject({ code: 'EXPORT_FOLDER_UNWRITABLE' });
    await expect(exportDocument(ctx, { id: doc.id, folder: path.join(folder, 'missing') }, {})).rejects.toMatchObject({ code: 'EXPORT_FOLDER_UNWRITABLE' });
    const readOnly = tempDir();
    const lock = makeReadOnly(readOnly);
    if ('unavailable' in lock) return console.warn(`read-only folder not tested: ${lock.unavailable}`);
    try {
      const error = await exportDocument(ctx, { id: doc.id, folder: readOnly }, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Failure);
      expect(error).toMatchObject({ code: 'EXPORT_FOLDER_UNWRITABLE', message: expect.stringMatching(/Nothing was written/) });
      expect((error as Failure).message).not.toContain(readOnly);
      expect(fs.readdirSync(readOnly)).toEqual([]);
    } finally {
      lock.restore();
    }
    // The desktop app's chooser: cancelled, nothing happens.
    await expect(exportDocument(ctx, { id: doc.id }, { chooseFolder: () => Promise.resolve(null) })).resolves.toEqual({ fileName: null });
  });
});

describe('bad input: the document comes out right or not at all', () => {
  const issuedNothing = (ctx: ReturnType<typeof evidenceContext>) => {
    expect(ctx.db.prepare('SELECT count(*) FROM issued_documents').pluck().get()).toBe(0);
    expect(ctx.db.prepare("SELECT count(*) FROM case_events WHERE kind = 'document_issued'").pluck().get()).toBe(0);
  };

  it('says which gate data is missing: a finding, a statement of reasons, a role', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const third = createSubject(ctx, { ...SubjectFieldsSchema.parse({ type: 'organization', names: [{ script: 'latn', value: 'XPCC Public Security Bureau' }] }), caseId: pc.caseId });
    ctx.db.prepare("DELETE FROM findings WHERE target_id = ? AND section = 'reasons'").run(pc.subjects[1]!.id);
    ctx.db.prepare('DELETE FROM findings WHERE target_id = ?').run(pc.allegations[1]!.id);
    const ids = [...pc.subjects.map((s) => s.id), third.id];
    const { problems } = previewProposal(ctx, request(pc, { subjectIds: ids, measure: 'travel_ban' }), deps());
    const found = problems.map((p) => [p.code, p.subject ?? p.allegation]);
    const expected = [
      ['travel_ban_entity', 'S-3 XPCC Public Security Bureau'],
      ['no_roles', 'S-3 XPCC Public Security Bureau'],
      ['no_subject_finding', 'S-3 XPCC Public Security Bureau'],
      ['no_reasons', 'S-2 Wang Junzheng'],
      ['no_reasons', 'S-3 XPCC Public Security Bureau'],
      ['no_allegation_finding', 'A-2'],
    ];
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found).toHaveLength(expected.length);
    const error = await issueProposal(ctx, request(pc, { subjectIds: ids, measure: 'travel_ban' }), deps()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOCUMENT_INCOMPLETE' });
    expect((error as Failure).message).toMatch(/S-2 Wang Junzheng has no statement of reasons/);
    expect((error as Failure).message).toMatch(/Allegation A-2 has no finding/);
    issuedNothing(ctx);
  });

  it('names the finding that cites an exhibit deleted after it was cited', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const gone = pc.exhibits[0]!; // the testimony, cited in the finding on A-2
    ctx.db.transaction(() => {
      for (const table of ['custody_events', 'evidence_links', 'evidence_text']) ctx.db.prepare(`DELETE FROM ${table} WHERE item_id = ?`).run(gone.id);
      ctx.db.prepare('DELETE FROM evidence_fts WHERE rowid = (SELECT rowid FROM evidence_items WHERE id = ?)').run(gone.id);
      ctx.db.prepare('DELETE FROM evidence_items WHERE id = ?').run(gone.id);
    })();
    const { problems, html } = previewProposal(ctx, request(pc), deps());
    const broken = problems.filter((p) => p.code === 'broken_exhibit');
    expect(broken).toEqual([
      expect.objectContaining({ exhibit: gone.exhibit, text: { kind: 'allegation_finding', of: 'A-1' } }),
      expect.objectContaining({ exhibit: gone.exhibit, text: { kind: 'allegation_finding', of: 'A-2' }, message: `The finding on allegation A-2 cites exhibit ${gone.exhibit}, which is no longer in the case file. Remove or replace the reference.` }),
    ]);
    // The draft shows the reference as broken, never silently drops it.
    expect(html).toContain('（証拠記録から削除済み）');
    await expect(issueProposal(ctx, request(pc), deps())).rejects.toMatchObject({ code: 'DOCUMENT_INCOMPLETE' });
    issuedNothing(ctx);
  });

  it('refuses a statement of reasons over fifty pages: it belongs in the findings', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const long = Array.from({ length: 56 }, (_, i) => ({ words: `${'新疆ウイグル自治区における大規模な恣意的拘禁に関する詳細な記述。'.repeat(44)}（${i + 1}）` }));
    saveFinding(ctx, { caseId: pc.caseId, target: { type: 'subject', id: pc.subjects[0]!.id }, section: 'reasons', outcome: null, body: richDoc(long), revision: 1 });
    const { problems } = previewProposal(ctx, request(pc), deps());
    expect(problems).toEqual([expect.objectContaining({ code: 'reasons_too_long', subject: 'S-1 Zhu Hailun', limit: 50 })]);
    expect(problems[0]!.pages).toBeGreaterThan(50);
    await expect(issueProposal(ctx, request(pc), deps())).rejects.toMatchObject({
      code: 'DOCUMENT_INCOMPLETE',
      message: expect.stringMatching(new RegExp(`about ${problems[0]!.pages} pages; the limit is 50`)),
    });
    issuedNothing(ctx);
  });

  it('prints a subject named only in Burmese script, and refuses one named only in a script no bundled font has', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    const burmese = 'မင်းအောင်လှိုင်';
    const ethiopic = 'ሰላም';
    const unprintable = createSubject(ctx, { ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'other', value: ethiopic, primary: true }] }), caseId: pc.caseId });
    const only = createSubject(ctx, { ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'mymr', value: burmese, primary: true }] }), caseId: pc.caseId });
    for (const s of [unprintable, only]) {
      setSubjectRoles(ctx, { caseId: pc.caseId, subjectId: s.id, roles: [{ allegationId: pc.allegations[0]!.id, role: 'commander' }] });
      saveFinding(ctx, { caseId: pc.caseId, target: { type: 'subject', id: s.id }, section: 'finding', outcome: 'met', body: richDoc([{ words: 'Commander of the forces involved.' }]), revision: 0 });
      saveFinding(ctx, { caseId: pc.caseId, target: { type: 'subject', id: s.id }, section: 'reasons', outcome: null, body: richDoc([{ words: 'Commander-in-Chief.' }]), revision: 0 });
    }
    const refused = previewProposal(ctx, request(pc, { subjectIds: [unprintable.id] }), deps());
    expect(refused.problems).toEqual([expect.objectContaining({ code: 'names_unprintable', subject: `${unprintable.reference} ${ethiopic}` })]);
    await expect(issueProposal(ctx, request(pc, { subjectIds: [unprintable.id] }), deps())).rejects.toMatchObject({ code: 'DOCUMENT_INCOMPLETE' });
    issuedNothing(ctx);

    const doc = await issueProposal(ctx, request(pc, { subjectIds: [only.id], language: 'en' }), deps());
    const file = ctx.vault.contentPath(doc.sha256);
    expect(pdfText(file)).toMatch(/[\u1000-\u109f]/);
    const fonts = pdfFonts(file);
    expect(fonts.some((f) => /NotoSansMyanmar/.test(f.name))).toBe(true);
    for (const f of fonts) expect(f.name).toMatch(/^[A-Z]{6}\+NotoS(ans|erif)(JP|SC|TC|KR|Myanmar|Arabic)/);
  });

  it('issues nothing for a closed case', async () => {
    const ctx = evidenceContext();
    const pc = await buildProposalCase(ctx);
    closeCase(ctx, { id: pc.caseId, reason: 'Not pursued' });
    await expect(issueProposal(ctx, request(pc), deps())).rejects.toMatchObject({ code: 'CASE_CLOSED' });
    // A closed case stays readable: its draft can still be previewed.
    expect(previewProposal(ctx, request(pc), deps()).problems).toEqual([]);
    issuedNothing(ctx);
  });
});
