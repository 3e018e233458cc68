import type { listChannels } from '../../shared/contract/channels/lists';
import type { Handlers } from '../ipc/router';
import { Failure } from '../ipc/failure';
import { currentList, currentLists, getEntry, removeList } from '../lists/designation-store';
import { prepareUploadImport } from '../lists/list-import';
import type { Jobs } from '../vault/jobs';
import type { RunEvidenceService } from './evidence';

/** Lists take their files from the vault's holding area (uploads), so they run with the vault. */
export const listHandlers = (service: RunEvidenceService, jobs: Jobs): Pick<Handlers, keyof typeof listChannels> => ({
  'lists.list': () => service((c) => ({ lists: currentLists(c.db) })),
  'lists.import': (input) =>
    service((c) => {
      const prepared = prepareUploadImport(c, input);
      return { jobId: jobs.start('lists.import', (control) => prepared.run(control)) };
    }),
  'lists.remove': (input) => service((c) => removeList(c.db, input.key)),
  'lists.entry': (input) => service((c) => getEntry(c.db, input.entryId)),
  'lists.report': (input) =>
    service((c) => {
      const found = currentList(c.db, input.key);
      if (!found) throw new Failure('NOT_FOUND', 'No list with this key is in use (it was removed or replaced).');
      return { list: found.summary, report: found.report };
    }),
});
