import type { ServiceContext } from './context';

/**
 * The next human reference for a case opened in `year`: HR-2026-0001, HR-2026-0002, … numbered per
 * year and never reused. Call inside the transaction that inserts the case.
 */
export function nextCaseReference(ctx: ServiceContext, year: number): string {
  const row = ctx.db
    .prepare(
      `INSERT INTO reference_counters (year, last) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(year) as { last: number };
  return `HR-${year}-${String(row.last).padStart(4, '0')}`;
}
