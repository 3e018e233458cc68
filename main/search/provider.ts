import type { SearchHit, SearchKind, SearchQuery } from '../../shared/contract/channels/search';
import type { ServiceContext } from '../services/context';

/**
 * One kind of record's part in the workspace search. Each area (cases, allegations, subjects,
 * evidence) keeps its own FTS5 table — trigram tokenizer with remove_diacritics, so Japanese and
 * Chinese are found by substring and Latin regardless of case and accents — and answers here.
 * Queries of 1–2 characters cannot use trigrams: a provider falls back to LIKE for them.
 */
export interface SearchProvider {
  kind: SearchKind;
  /**
   * `capped`: more matched than the provider counts; `total` is then a lower bound and the hits are
   * the newest matches rather than the best ranked (ranking every match of a very common term is
   * too slow to type against).
   */
  search(ctx: ServiceContext, query: SearchQuery): { total: number; hits: SearchHit[]; capped?: boolean };
}
