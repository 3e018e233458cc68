/**
 * Code lists for subjects (DOMAIN.md, "Subject"): data tables, not code. Scripts carry their own
 * ja/en labels (they are names of writing systems, not UI wording); the other lists are labelled
 * in the UI's i18n files, like the workflow stages.
 */
export interface NameScript {
  code: string;
  ja: string;
  en: string;
  /** BCP 47 tag for `lang` on rendered names, so that fonts and line breaking are right. */
  lang: string;
}

export const NAME_SCRIPTS = [
  { code: 'latn', ja: 'ラテン文字', en: 'Latin', lang: 'und-Latn' },
  { code: 'jpan_kanji', ja: '日本語（漢字）', en: 'Japanese (kanji)', lang: 'ja' },
  { code: 'jpan_kana', ja: '日本語（カタカナ）', en: 'Japanese (katakana)', lang: 'ja-Kana' },
  { code: 'hans', ja: '中国語（簡体字）', en: 'Chinese (simplified)', lang: 'zh-Hans' },
  { code: 'hant', ja: '中国語（繁体字）', en: 'Chinese (traditional)', lang: 'zh-Hant' },
  { code: 'mymr', ja: 'ビルマ文字', en: 'Burmese', lang: 'my' },
  { code: 'cyrl', ja: 'キリル文字', en: 'Cyrillic', lang: 'und-Cyrl' },
  { code: 'arab', ja: 'アラビア文字', en: 'Arabic', lang: 'und-Arab' },
  { code: 'kore', ja: '韓国語（ハングル）', en: 'Korean', lang: 'ko' },
  { code: 'other', ja: 'その他', en: 'Other', lang: 'und' },
] as const satisfies readonly NameScript[];

export type NameScriptCode = (typeof NAME_SCRIPTS)[number]['code'];
export const NAME_SCRIPT_CODES = NAME_SCRIPTS.map((s) => s.code) as [NameScriptCode, ...NameScriptCode[]];

/** A person, or an entity: an organisation, a company or a state body (army unit, police bureau …). */
export const SUBJECT_TYPES = ['person', 'organization', 'company', 'state_body'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** A subject's part in an allegation (DOMAIN.md, "Allegation"). */
export const SUBJECT_ROLES = ['direct_perpetrator', 'commander', 'financier', 'enabler', 'owner_controller'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export const ALIAS_STRENGTHS = ['strong', 'weak'] as const;
export type AliasStrength = (typeof ALIAS_STRENGTHS)[number];

export const DOCUMENT_TYPES = ['passport', 'national_id', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Directed: "A commands B", "A owns B", "A is a family member of B". */
export const RELATIONSHIP_KINDS = ['commands', 'owns', 'controls', 'family', 'associate'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** Limits: generous for real names in any script, small enough that a pasted document is refused. */
export const NAME_MAX = 500;
