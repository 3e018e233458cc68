/** The law's investigate-then-designate stages, in order (DOMAIN.md). */
export const STAGES = [
  'intake',
  'assessment',
  'investigation',
  'findings',
  'proposal',
  'review',
  'decision',
] as const;
export type Stage = (typeof STAGES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ALLEGATION_STATUSES = ['alleged', 'substantiated', 'not_substantiated'] as const;
export type AllegationStatus = (typeof ALLEGATION_STATUSES)[number];

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
