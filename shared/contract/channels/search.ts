import { z } from 'zod';
import { IdSchema } from '../records';

export const SEARCH_KINDS = ['case', 'allegation', 'subject', 'evidence', 'finding'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * Snippets mark the matched text with these two characters (never present in stored text, which
 * refuses control characters); the UI turns them into highlights, so no HTML crosses the boundary.
 */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: IdSchema,
  caseId: IdSchema.nullable(),
  caseReference: z.string().nullable(),
  /** The record's human reference where it has one: HR-2026-0001, A-3, E-12. */
  reference: z.string().nullable(),
  title: z.string(),
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchQuerySchema = z.object({
  text: z.string().trim().min(1).max(300),
  kinds: z.array(z.enum(SEARCH_KINDS)).default([]),
  caseId: IdSchema.nullable().default(null),
  /** Per kind. */
  limit: z.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export const searchChannels = {
  'search.query': {
    input: SearchQuerySchema,
    output: z.object({
      groups: z.array(
        z.object({
          kind: z.enum(SEARCH_KINDS),
          total: z.number().int(),
          /** More matched than were counted: `total` is a lower bound and hits are the newest, not the best ranked. */
          capped: z.boolean(),
          hits: z.array(SearchHitSchema),
        }),
      ),
    }),
  },
} as const;
