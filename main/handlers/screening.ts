import type { screeningChannels } from '../../shared/contract/channels/screening';
import type { Handlers } from '../ipc/router';
import { coordinationMatrix } from '../screening/matrix-service';
import { decideCandidate, listCandidates, runScreening } from '../screening/screening-service';
import type { RunService } from './run-service';

export const screeningHandlers = (service: RunService): Pick<Handlers, keyof typeof screeningChannels> => ({
  'screening.run': (input) => service((c) => runScreening(c, input)),
  'screening.candidates': (input) => service((c) => listCandidates(c, input)),
  'screening.decide': (input) => service((c) => decideCandidate(c, input)),
  'screening.matrix': (input) => service((c) => coordinationMatrix(c, input)),
});
