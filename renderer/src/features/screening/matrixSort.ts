import type { MatrixCellState, MatrixRow } from '../../../../shared/contract/channels/screening';
import type { Authority } from '../../../../shared/domain/designations';

/** A column to sort by: the subject, the gap, the earliest partner listing, or one partner. */
export type MatrixSort = 'subject' | 'gap' | 'firstListedOn' | Authority;
export type Direction = 'asc' | 'desc';

// Within a partner's column: designated first, then what awaits a decision, then the rest.
const STATE_ORDER: Record<MatrixCellState, number> = {
  designated: 0,
  pending: 1,
  not_designated: 2,
  not_screened: 3,
  list_not_loaded: 4,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** S-2 before S-10. */
const bySubject = (a: MatrixRow, b: MatrixRow) => collator.compare(a.subject.reference, b.subject.reference);

/** Earliest date of a designation in the cell; '' sorts an undated designation after dated ones. */
function cellDate(row: MatrixRow, authority: Authority): string {
  const dates = (row.cells[authority]?.designations ?? []).map((d) => d.listedOn ?? '9999');
  return dates.sort()[0] ?? '9999';
}

/**
 * The rows in the order asked. "Ascending" is the natural reading for each column: gaps first,
 * then the most partners; earliest listing first; a partner's designations (earliest first) first.
 * Ties fall back to the subject's reference, so the order is stable.
 */
export function sortMatrixRows(rows: readonly MatrixRow[], sort: MatrixSort, direction: Direction): MatrixRow[] {
  const compare = (a: MatrixRow, b: MatrixRow): number => {
    switch (sort) {
      case 'subject':
        return 0;
      case 'gap':
        return Number(b.gap) - Number(a.gap) || b.designatedBy.length - a.designatedBy.length;
      case 'firstListedOn':
        return (a.firstListedOn ?? '9999').localeCompare(b.firstListedOn ?? '9999');
      default: {
        const sa = STATE_ORDER[a.cells[sort]?.state ?? 'list_not_loaded'];
        const sb = STATE_ORDER[b.cells[sort]?.state ?? 'list_not_loaded'];
        return sa - sb || cellDate(a, sort).localeCompare(cellDate(b, sort));
      }
    }
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || (sort === 'subject' ? sign : 1) * bySubject(a, b));
}
