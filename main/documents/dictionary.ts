import type { Classification, Measure, StandardOfProof } from '../../shared/contract/channels/documents';
import type { FindingOutcome } from '../../shared/contract/channels/findings';
import type { Authority } from '../../shared/domain/designations';
import type { AllegationStatus } from '../../shared/domain/workflow';
import type { DocumentType, SubjectRole, SubjectType } from '../../shared/domain/subjects';
import type { MatrixCellState } from '../../shared/contract/channels/screening';

/**
 * The words of a proposal document, in English and Japanese: the document's own dictionary, not
 * the UI's (a document is read by officials, long after the app that wrote it). `ja` is typed
 * against `en`, so a missing entry fails the typecheck. Legal citations are data here, kept
 * together so that they are checked together (docs/documents.md).
 */
export const en = {
  title: { asset_freeze: 'Proposal for an asset freeze', travel_ban: 'Proposal for a travel ban' } satisfies Record<Measure, string>,
  draft: 'DRAFT — not issued',
  draftMark: 'DRAFT',
  demo: 'DEMO — built from public sources; not an investigation',
  demoMark: 'DEMO',
  heading: {
    caseReference: 'Case reference',
    number: 'Document number',
    version: 'Version',
    date: 'Date',
    classification: 'Classification',
    addressee: 'To',
    author: 'Prepared by',
    reviewer: 'Reviewed by',
    subjects: 'Subjects',
    notReviewed: 'Not yet reviewed',
  },
  versionOf: (n: number) => `Version ${n}`,
  classification: { restricted: 'RESTRICTED', confidential: 'CONFIDENTIAL', secret: 'SECRET' } satisfies Record<Classification, string>,
  defaultAddressee: { asset_freeze: 'The Minister of Finance', travel_ban: 'The Minister of Justice' } satisfies Record<Measure, string>,
  contents: 'Contents',
  sections: {
    measure: 'Measure proposed and legal basis',
    subjects: 'Identification of the subjects',
    findings: 'Summary of the conduct and findings',
    exhibits: 'Exhibits',
    exculpatory: 'Exculpatory material considered',
    coordination: 'International coordination',
    scope: 'Scope, exemptions and review',
    signatures: 'Signatures',
    fingerprint: 'Document fingerprint',
  },
  measure: {
    proposal: {
      asset_freeze:
        'It is proposed that the subjects identified in section 2 be designated, and that their funds and economic resources be frozen: payments to them and capital transactions with them made subject to permission, and permission withheld.',
      travel_ban:
        'It is proposed that the subjects identified in section 2 be designated, and that they be refused landing in Japan, with the issuance of visas to them suspended.',
    } satisfies Record<Measure, string>,
    basisLabel: 'Legal basis',
    basis: {
      asset_freeze:
        'Foreign Exchange and Foreign Trade Act (Act No. 228 of 1949), Article 16(1) and Article 21(1): permission requirements for payments and capital transactions; the measure is taken by public notice following a Cabinet understanding.',
      travel_ban:
        'Immigration Control and Refugee Recognition Act (Cabinet Order No. 319 of 1951), Article 5(1): refusal of landing; together with the suspension of visa issuance.',
    } satisfies Record<Measure, string>,
    sanctionsLaw:
      'The human-rights sanctions act now proposed: the applicable provision is to be cited once the act is in force.',
    standardLabel: 'Standard of proof',
    standard: {
      reasonable_grounds: 'reasonable grounds to suspect',
      credible_evidence: 'credible evidence',
    } satisfies Record<StandardOfProof, string>,
    standardText: (standard: string) =>
      `The findings in section 3 are stated against the standard of ${standard}: for each allegation and each subject they say whether it is met, and why.`,
  },
  subject: {
    name: 'Name',
    identifying: 'Identifying information',
    reasons: 'Reasons',
    dateOfListing: 'Proposed date of listing',
    onDesignation: 'On designation',
    reference: 'Subject reference',
    type: 'Type',
    names: 'Names',
    aliases: 'Aliases',
    birthDate: 'Date of birth',
    birthPlace: 'Place of birth',
    nationality: 'Nationality',
    documents: 'Identity documents',
    positions: 'Positions',
    addresses: 'Addresses',
    roles: 'Role in the conduct',
    strong: 'good quality',
    weak: 'low quality',
    notPrintable: (script: string, reference: string) =>
      `Name in ${script} script: held in the case file (${reference}); the document fonts cannot print this script.`,
  },
  subjectType: { person: 'Person', organization: 'Organisation', company: 'Company', state_body: 'State body' } satisfies Record<SubjectType, string>,
  documentType: { passport: 'Passport', national_id: 'National identity number', other: 'Document' } satisfies Record<DocumentType, string>,
  role: {
    direct_perpetrator: 'Direct perpetrator',
    commander: 'Commander or superior',
    financier: 'Financier',
    enabler: 'Enabler',
    owner_controller: 'Owner or controller',
  } satisfies Record<SubjectRole, string>,
  allegation: {
    period: 'Period',
    place: 'Place',
    victims: 'Victims',
    victimCount: (n: number) => `${n} (recorded under pseudonyms; identities withheld)`,
    noVictims: 'None recorded',
    status: 'Status',
    subjects: 'Subjects and roles',
    narrative: 'Conduct',
    finding: 'Finding',
    subjectFinding: 'Finding on the subject',
  },
  allegationStatus: { alleged: 'Alleged', substantiated: 'Substantiated', not_substantiated: 'Not substantiated' } satisfies Record<AllegationStatus, string>,
  outcome: { met: 'Standard met', not_met: 'Standard not met', undetermined: 'Not determined' } satisfies Record<FindingOutcome, string>,
  exhibits: {
    intro: 'Every exhibit the proposal rests on, as preserved in the case’s evidence vault. The SHA-256 identifies the file exactly as received.',
    number: 'No.',
    description: 'Description',
    obtained: 'Obtained',
    grading: 'Grading',
    sha256: 'SHA-256',
    testimony: 'Testimony: no file',
    gradingNote: 'Grading: source reliability A–F and information credibility 1–6 (Admiralty scale); “—” where not graded.',
    none: 'No exhibits.',
  },
  exculpatory: {
    intro: 'Material in the case file that contradicts an allegation or a subject’s part in it, and where the findings address it.',
    exhibit: 'Exhibit',
    description: 'Description',
    contradicts: 'Contradicts',
    addressedIn: 'Addressed in',
    none: 'No material contradicting the allegations or the subjects of this proposal is recorded.',
    allegationFinding: (ref: string) => `Finding on ${ref}`,
    subjectFinding: (ref: string) => `Finding on ${ref}`,
    reasons: (ref: string) => `Reasons for ${ref}`,
  },
  coordination: {
    intro: 'Designations of the subjects by Japan’s partners, from the lists imported into Casebench and confirmed by the investigator.',
    partner: 'Partner',
    status: 'Status',
    programme: 'List and programme',
    listed: 'Listed',
    notRun: 'The partner-designation check has not been run for this case; the subjects’ status on partners’ lists is not stated.',
    gap: (partners: string) => `Designated by ${partners}; not designated by Japan.`,
    noGap: 'No partner has designated this subject.',
    japanToo: 'Also designated by Japan.',
    since: (date: string) => `since ${date}`,
    state: {
      designated: 'Designated',
      pending: 'Possible match not yet confirmed',
      not_designated: 'Not designated',
      not_screened: 'Not screened',
      list_not_loaded: 'List not loaded',
    } satisfies Record<MatrixCellState, string>,
  },
  authority: {
    US: 'United States',
    UK: 'United Kingdom',
    EU: 'European Union',
    CA: 'Canada',
    AU: 'Australia',
    UN: 'United Nations',
    JP: 'Japan',
  } satisfies Record<Authority, string>,
  scope: {
    scopeLabel: 'Scope',
    exemptionsLabel: 'Exemptions',
    reviewLabel: 'Proposed review date',
    noteLabel: 'Further scope',
    scope: {
      asset_freeze:
        'All funds and economic resources belonging to, owned, held or controlled by the subjects, directly or indirectly, including through persons acting on their behalf or at their direction. No funds or economic resources are to be made available to them, directly or indirectly.',
      travel_ban: 'Refusal of landing in Japan of the subjects who are natural persons, and suspension of the issuance of visas to them.',
    } satisfies Record<Measure, string>,
    exemptions: {
      asset_freeze:
        'Permission may be granted for basic needs (foodstuffs, rent or mortgage, medicines and medical treatment, taxes, insurance premiums and public utility charges); reasonable professional fees and legal services; extraordinary expenses; humanitarian assistance and activities; and payments into frozen accounts due under contracts concluded before the designation.',
      travel_ban:
        'Exceptions may be made on humanitarian grounds, for attendance at judicial proceedings, for participation in meetings of international organisations held in Japan, and where Japan’s obligations under international law require entry.',
    } satisfies Record<Measure, string>,
    review: (date: string) =>
      `The designation is to be reviewed by ${date}, and whenever new information warrants it; a request for delisting may be made at any time.`,
  },
  signatures: {
    investigator: 'Investigator',
    reviewer: 'Reviewer',
    name: 'Name',
    signature: 'Signature',
    date: 'Date',
  },
  fingerprint: {
    label: 'SHA-256 of this document’s HTML source',
    explain:
      'A file cannot contain its own hash, so the value above is the SHA-256 of the HTML source from which Casebench printed this document, with this value written as sixty-four zeros. The source is stored in the case’s evidence vault under this value; hashing it again gives the value above. The SHA-256 of the PDF file itself was recorded in the case history when the document was issued.',
    draft: 'Draft: the fingerprint is computed when the document is issued.',
  },
  exhibitWord: 'Exhibit',
  none: '—',
  page: 'Page',
};

export const ja: typeof en = {
  title: { asset_freeze: '資産凍結措置に関する提案書', travel_ban: '入国禁止措置に関する提案書' },
  draft: '案（未発出）',
  draftMark: '案',
  demo: 'デモ（DEMO）— 公開情報のみから作成した見本であり、調査ではない',
  demoMark: 'DEMO',
  heading: {
    caseReference: '案件番号',
    number: '文書番号',
    version: '版',
    date: '日付',
    classification: '取扱区分',
    addressee: '宛先',
    author: '作成者',
    reviewer: '審査者',
    subjects: '対象者',
    notReviewed: '審査未了',
  },
  versionOf: (n: number) => `第${n}版`,
  classification: { restricted: '取扱注意', confidential: '秘', secret: '極秘' },
  defaultAddressee: { asset_freeze: '財務大臣 殿', travel_ban: '法務大臣 殿' },
  contents: '目次',
  sections: {
    measure: '提案する措置及び法的根拠',
    subjects: '対象者の特定',
    findings: '行為の概要及び認定',
    exhibits: '証拠一覧',
    exculpatory: '検討した反証資料',
    coordination: '国際協調',
    scope: '措置の範囲、適用除外及び見直し',
    signatures: '署名',
    fingerprint: '文書の同一性の確認',
  },
  measure: {
    proposal: {
      asset_freeze:
        '第2節に掲げる対象者を指定し、その資金及び経済資源を凍結すること（対象者に対する支払及び対象者との資本取引を許可制とし、これを許可しないこと）を提案する。',
      travel_ban: '第2節に掲げる対象者を指定し、本邦への上陸を拒否するとともに、対象者に対する査証の発給を停止することを提案する。',
    },
    basisLabel: '法的根拠',
    basis: {
      asset_freeze:
        '外国為替及び外国貿易法（昭和24年法律第228号）第16条第1項及び第21条第1項（支払等及び資本取引の許可制）。閣議了解を経て、告示により措置する。',
      travel_ban: '出入国管理及び難民認定法（昭和26年政令第319号）第5条第1項（上陸の拒否）。併せて査証の発給を停止する。',
    },
    sanctionsLaw: '現在提案されている人権侵害制裁法：該当する条項は、同法の施行後に記載する。',
    standardLabel: '証明の基準',
    standard: {
      reasonable_grounds: '疑うに足りる相当な理由',
      credible_evidence: '信頼に足る証拠',
    },
    standardText: (standard: string) =>
      `第3節の認定は「${standard}」の基準によるものであり、各申立て及び各対象者について、基準を満たすか否か及びその理由を示す。`,
  },
  subject: {
    name: '氏名・名称',
    identifying: '識別情報',
    reasons: '理由',
    dateOfListing: '指定予定日',
    onDesignation: '指定の日',
    reference: '対象者番号',
    type: '種別',
    names: '氏名・名称（全表記）',
    aliases: '別名',
    birthDate: '生年月日',
    birthPlace: '出生地',
    nationality: '国籍',
    documents: '身分証明書',
    positions: '役職',
    addresses: '住所',
    roles: '行為への関与',
    strong: '確度高',
    weak: '確度低',
    notPrintable: (script: string, reference: string) =>
      `${script}による氏名：案件記録（${reference}）に保存。文書用フォントではこの文字を印刷できない。`,
  },
  subjectType: { person: '個人', organization: '団体', company: '企業', state_body: '国家機関' },
  documentType: { passport: '旅券', national_id: '国民識別番号', other: 'その他の文書' },
  role: {
    direct_perpetrator: '直接の実行者',
    commander: '指揮官・上官',
    financier: '資金提供者',
    enabler: '助長者',
    owner_controller: '所有者・支配者',
  },
  allegation: {
    period: '期間',
    place: '場所',
    victims: '被害者',
    victimCount: (n: number) => `${n}名（仮名で記録。身元は記載しない。）`,
    noVictims: '記録なし',
    status: '状況',
    subjects: '対象者及び関与',
    narrative: '行為',
    finding: '認定',
    subjectFinding: '対象者に関する認定',
  },
  allegationStatus: { alleged: '申立て段階', substantiated: '立証済み', not_substantiated: '立証されず' },
  outcome: { met: '基準を満たす', not_met: '基準を満たさない', undetermined: '判断未了' },
  exhibits: {
    intro: '本提案の根拠とする全ての証拠。案件の証拠保管庫に保存されたとおりであり、SHA-256は受領したとおりのファイルを特定する。',
    number: '番号',
    description: '説明',
    obtained: '取得日',
    grading: '評価',
    sha256: 'SHA-256',
    testimony: '証言（ファイルなし）',
    gradingNote: '評価：情報源の信頼性（A〜F）及び情報の確度（1〜6）による（アドミラルティ・コード）。未評価は「—」。',
    none: '証拠なし。',
  },
  exculpatory: {
    intro: '申立て又は対象者の関与と矛盾する案件記録中の資料、及び認定においてそれを検討した箇所。',
    exhibit: '証拠',
    description: '説明',
    contradicts: '矛盾する対象',
    addressedIn: '検討箇所',
    none: '本提案に係る申立て又は対象者と矛盾する資料は記録されていない。',
    allegationFinding: (ref: string) => `${ref}に関する認定`,
    subjectFinding: (ref: string) => `${ref}に関する認定`,
    reasons: (ref: string) => `${ref}の理由`,
  },
  coordination: {
    intro: '各国・機関による対象者の指定状況（Casebenchに取り込んだ名簿に基づき、調査担当者が確認したもの）。',
    partner: '国・機関',
    status: '状況',
    programme: '名簿及び制裁プログラム',
    listed: '指定日',
    notRun: '本件について、各国・機関の指定状況の照合は実施されていないため、指定状況は記載しない。',
    gap: (partners: string) => `${partners}が指定済み。日本は未指定。`,
    noGap: 'この対象者を指定した国・機関はない。',
    japanToo: '日本も指定済み。',
    since: (date: string) => `${date}から`,
    state: {
      designated: '指定済み',
      pending: '該当の可能性（未確認）',
      not_designated: '未指定',
      not_screened: '未照合',
      list_not_loaded: '名簿未取込',
    },
  },
  authority: { US: '米国', UK: '英国', EU: '欧州連合', CA: 'カナダ', AU: '豪州', UN: '国際連合', JP: '日本' },
  scope: {
    scopeLabel: '措置の範囲',
    exemptionsLabel: '適用除外',
    reviewLabel: '見直し予定日',
    noteLabel: '範囲に関する補足',
    scope: {
      asset_freeze:
        '対象者に帰属し、又は対象者が直接若しくは間接に所有し、保有し、若しくは支配する全ての資金及び経済資源（対象者のために又はその指示により行動する者を通じたものを含む。）。対象者に対しては、直接又は間接に、資金及び経済資源を提供しない。',
      travel_ban: '自然人である対象者の本邦への上陸の拒否及び対象者に対する査証の発給の停止。',
    },
    exemptions: {
      asset_freeze:
        '基本的な生活上の必要（食料、家賃又は住宅ローン、医薬品及び医療、税、保険料並びに公共料金）、合理的な専門家報酬及び法律上の役務、臨時の支出、人道支援及び人道的活動、並びに指定前に締結された契約に基づく凍結口座への支払については、許可を与えることができる。',
      travel_ban:
        '人道上の理由がある場合、司法手続への出頭のため、本邦で開催される国際機関の会合への参加のため、及び国際法上の義務により入国を認める必要がある場合には、例外とすることができる。',
    },
    review: (date: string) => `${date}までに、また新たな情報がある場合は随時、指定を見直す。指定解除の申出は、いつでも行うことができる。`,
  },
  signatures: {
    investigator: '調査担当者',
    reviewer: '審査者',
    name: '氏名',
    signature: '署名',
    date: '日付',
  },
  fingerprint: {
    label: '本文書のHTMLソースのSHA-256',
    explain:
      'ファイルは自らのハッシュ値を含むことができないため、上記の値は、Casebenchが本文書の印刷に用いたHTMLソース（この値の欄を64個の「0」としたもの）のSHA-256である。HTMLソースは、この値を名前として案件の証拠保管庫に保存されており、再計算すると上記の値が得られる。PDFファイル自体のSHA-256は、発出時に案件の履歴に記録されている。',
    draft: '案：ハッシュ値は発出時に算出される。',
  },
  exhibitWord: '証拠',
  none: '—',
  page: '頁',
};

export type DocWords = typeof en;
export const WORDS: Record<'ja' | 'en', DocWords> = { en, ja };
