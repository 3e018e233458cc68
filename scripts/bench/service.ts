import type { Database } from 'better-sqlite3';
import type { Router } from '../../main/ipc/router';
import { sample, type Measure } from './stats';

/** What an investigator types into the case search, one keystroke at a time. */
export const TYPED = ['新疆ウイグル', 'ラカイン州', 'forced lab', 'HR-2026-01', 'torture', 'Belarus 2019'];
export const prefixes = (text: string) => [...text].map((_, i) => [...text].slice(0, i + 1).join(''));

export async function measureService(router: Router, db: Database): Promise<Measure[]> {
  const call = async (input: object) => {
    const result = await router.invoke({ channel: 'cases.list', input });
    if (!result.ok) throw new Error(result.error.message);
  };
  // The floor: one page of rows straight from SQLite, no validation, no search, no counts.
  const floor = db.prepare('SELECT * FROM cases ORDER BY rowid LIMIT 100');
  const baseline = await sample(400, () => floor.all());

  const sorts = ['updatedAt', 'reference', 'title', 'stage', 'country'] as const;
  const pageLoad = await sample(400, (() => {
    let i = 0;
    return () => call({ sort: sorts[i++ % sorts.length], offset: (i * 100) % 9_900, limit: 100 });
  })());

  const queries = TYPED.flatMap(prefixes);
  const typeAhead: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (const search of queries) typeAhead.push(...(await sample(1, () => call({ search, limit: 100 }))));
  }
  return [
    { name: 'service: case-list page (100 rows, 5 sort orders, 10,000 cases)', samples: pageLoad, baseline, baselineName: 'raw SQLite page of 100 rows', goalMs: 20 },
    { name: `service: type-ahead search (${queries.length} keystroke queries × 6)`, samples: typeAhead, baseline, baselineName: 'raw SQLite page of 100 rows', goalMs: 20 },
  ];
}
