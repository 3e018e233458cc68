import { SEARCH_KINDS, type SearchQuery } from '../../shared/contract/channels/search';
import type { ChannelOutput } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import type { SearchProvider } from './provider';

/** One search box over every kind of record: each provider answers for its own kind, in a fixed order. */
export function searchWorkspace(
  ctx: ServiceContext,
  query: SearchQuery,
  providers: readonly SearchProvider[],
): ChannelOutput<'search.query'> {
  const wanted = query.kinds.length ? new Set(query.kinds) : new Set(SEARCH_KINDS);
  const groups = SEARCH_KINDS.flatMap((kind) =>
    providers
      .filter((p) => p.kind === kind && wanted.has(kind))
      .map((p) => {
        const { total, hits, capped = false } = p.search(ctx, query);
        return { kind, total, hits, capped };
      }),
  );
  return { groups };
}
