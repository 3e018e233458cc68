import { z } from 'zod';

/**
 * A date as precise as the source allows: a day, a month, a year, a range between two of those, or
 * unknown. Investigators rarely know more than "spring 2017"; storing a false day would be worse.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'range', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1000) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The first and last day a partial date can mean, as YYYY-MM-DD (comparable as strings). */
export function partialDateBounds(value: string): { first: string; last: string } {
  const [y, m, d] = value.split('-');
  if (d !== undefined) return { first: value, last: value };
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

const partialDate = (pattern: RegExp) =>
  z
    .string()
    .trim()
    .refine((v) => pattern.test(v) && isPartialDate(v), { params: { code: 'invalid_date' } });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;

export const FuzzyDateSchema = z
  .discriminatedUnion('precision', [
    z.object({ precision: z.literal('unknown') }),
    z.object({ precision: z.literal('day'), value: partialDate(DAY) }),
    z.object({ precision: z.literal('month'), value: partialDate(MONTH) }),
    z.object({ precision: z.literal('year'), value: partialDate(YEAR) }),
    z.object({ precision: z.literal('range'), from: partialDate(PARTIAL), to: partialDate(PARTIAL) }),
  ])
  .superRefine((v, ctx) => {
    if (v.precision !== 'range' || !isPartialDate(v.from) || !isPartialDate(v.to)) return;
    if (partialDateBounds(v.from).first > partialDateBounds(v.to).last) {
      ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'range_reversed' } });
    }
  });

export type FuzzyDate = z.infer<typeof FuzzyDateSchema>;

/** Earliest and latest day covered, for sorting and overlap queries; null when unknown. */
export function fuzzyDateBounds(date: FuzzyDate): { first: string; last: string } | null {
  switch (date.precision) {
    case 'unknown':
      return null;
    case 'range':
      return { first: partialDateBounds(date.from).first, last: partialDateBounds(date.to).last };
    default:
      return partialDateBounds(date.value);
  }
}
