/** `tsx scripts/bench/search-run.ts`: the evidence search benchmark alone (see search.ts for the env knobs). */
import { benchSearch } from './search';

benchSearch().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
