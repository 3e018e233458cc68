import type { allegationChannels } from '../../shared/contract/channels/allegations';
import type { Handlers } from '../ipc/router';
import * as allegations from '../services/allegation-service';
import type { RunService } from './run-service';

export const allegationHandlers = (service: RunService): Pick<Handlers, keyof typeof allegationChannels> => ({
  'allegations.list': (input) => service((c) => allegations.listAllegations(c, input.caseId)),
  'allegations.create': (input) => service((c) => allegations.createAllegation(c, input)),
  'allegations.update': (input) => service((c) => allegations.updateAllegation(c, input)),
  'allegations.delete': (input) => service((c) => allegations.deleteAllegation(c, input)),
});
