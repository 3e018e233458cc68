/**
 * Conduct in scope of the regimes Casebench serves (DOMAIN.md). A data table, not code: adding a
 * category is adding a row. `requiresScale` marks conduct that is in scope only where widespread
 * or systematic (EU regime, Art. 1(1)(d)); `source` says which regime brings it in.
 */
export interface ConductCategory {
  code: string;
  ja: string;
  en: string;
  requiresScale: boolean;
  source: 'EU 2020/1998' | 'US EO 13818';
}

export const CONDUCT_CATEGORIES = [
  { code: 'genocide', ja: 'ジェノサイド', en: 'Genocide', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'crimes_against_humanity', ja: '人道に対する犯罪', en: 'Crimes against humanity', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'torture', ja: '拷問等（残虐な、非人道的な又は品位を傷つける取扱い）', en: 'Torture and other cruel, inhuman or degrading treatment', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'slavery_forced_labour', ja: '奴隷・強制労働', en: 'Slavery and forced labour', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'extrajudicial_killing', ja: '超法規的・略式・恣意的殺害', en: 'Extrajudicial, summary or arbitrary killing', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'enforced_disappearance', ja: '強制失踪', en: 'Enforced disappearance', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'arbitrary_detention', ja: '恣意的拘禁', en: 'Arbitrary arrest or detention', requiresScale: false, source: 'EU 2020/1998' },
  { code: 'human_trafficking', ja: '人身取引', en: 'Trafficking in human beings', requiresScale: true, source: 'EU 2020/1998' },
  { code: 'sexual_gender_based_violence', ja: '性的・ジェンダーに基づく暴力', en: 'Sexual and gender-based violence', requiresScale: true, source: 'EU 2020/1998' },
  { code: 'freedom_of_assembly', ja: '平和的集会・結社の自由の侵害', en: 'Violations of freedom of peaceful assembly and association', requiresScale: true, source: 'EU 2020/1998' },
  { code: 'freedom_of_expression', ja: '意見・表現の自由の侵害', en: 'Violations of freedom of opinion and expression', requiresScale: true, source: 'EU 2020/1998' },
  { code: 'freedom_of_religion', ja: '思想・良心・宗教の自由の侵害', en: 'Violations of freedom of religion or belief', requiresScale: true, source: 'EU 2020/1998' },
  { code: 'corruption', ja: '汚職', en: 'Corruption', requiresScale: false, source: 'US EO 13818' },
] as const satisfies readonly ConductCategory[];

export type ConductCategoryCode = (typeof CONDUCT_CATEGORIES)[number]['code'];

export const CONDUCT_CATEGORY_CODES = CONDUCT_CATEGORIES.map((c) => c.code) as [
  ConductCategoryCode,
  ...ConductCategoryCode[],
];
