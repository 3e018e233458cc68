/**
 * Match quality on the labelled set (screening-labels.ts): each query is screened through the real
 * candidate search against the real fixture lists in a workspace; a candidate at or above the
 * threshold is a true positive when it is in the query's expected set, else a false positive.
 * Recall: positives whose entry was found. Precision: true positives over all candidates found.
 */
import type { Database } from 'better-sqlite3';
import { CandidateSearch } from '../../main/screening/candidate-search';
import { groupSamePerson } from '../../main/screening/same-person';
import { buildLabelledSet, storedEntries, VARIANT_KINDS, type LabelledQuery, type LabelledSetOptions, type VariantKind } from './screening-labels';

export interface QualityResult {
  queries: number;
  positives: number;
  recall: number;
  precision: number;
  truePositives: number;
  falsePositives: number;
  byKind: Record<VariantKind, { queries: number; found: number; falsePositives: number }>;
  misses: string[];
  falseAlarms: string[];
  ms: number;
}

const describe = (q: LabelledQuery) => `${q.kind} "${q.profile.names.map((n) => n.value).join(' / ')}"${q.profile.birthDates.length ? ` b. ${JSON.stringify(q.profile.birthDates[0])}` : ''}`;

export function measureQuality(db: Database, options: Omit<LabelledSetOptions, 'sameAs'> = {}): QualityResult {
  const entries = storedEntries(db);
  const groupOf = new Map<string, Set<string>>();
  for (const group of groupSamePerson(entries)) {
    const refs = new Set(group.members.map((m) => m.ref));
    for (const ref of refs) groupOf.set(ref, refs);
  }
  const queries = buildLabelledSet(entries, { ...options, sameAs: (ref) => groupOf.get(ref) ?? new Set([ref]) });
  const search = new CandidateSearch(db);
  const byKind = Object.fromEntries(VARIANT_KINDS.map((k) => [k, { queries: 0, found: 0, falsePositives: 0 }])) as QualityResult['byKind'];
  let tp = 0;
  let fp = 0;
  let found = 0;
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const start = performance.now();
  for (const q of queries) {
    const candidates = search.find(q.profile);
    const kind = byKind[q.kind];
    kind.queries++;
    for (const c of candidates) {
      const ref = `${c.listKey}:${c.listRef}`;
      if (q.expected.has(ref)) tp++;
      else {
        fp++;
        kind.falsePositives++;
        if (kind.falsePositives <= Number(process.env.CASEBENCH_SCREENING_SHOW ?? 8)) falseAlarms.push(`${describe(q)} → ${ref} ${c.seen.name} ${c.score} [${c.reasons.name.how.join(',')}]`);
      }
    }
    if (q.positive && candidates.some((c) => `${c.listKey}:${c.listRef}` === q.source)) {
      found++;
      kind.found++;
    } else if (q.positive && kind.queries - kind.found <= Number(process.env.CASEBENCH_SCREENING_SHOW ?? 12)) {
      misses.push(`${describe(q)} ✗ ${q.source}`);
    }
  }
  const positives = queries.filter((q) => q.positive).length;
  return {
    queries: queries.length,
    positives,
    recall: found / positives,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    truePositives: tp,
    falsePositives: fp,
    byKind,
    misses,
    falseAlarms,
    ms: performance.now() - start,
  };
}
