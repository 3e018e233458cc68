import type { findingChannels } from '../../shared/contract/channels/findings';
import type { Handlers } from '../ipc/router';
import * as findings from '../services/findings-service';
import type { RunService } from './run-service';

export const findingHandlers = (service: RunService): Pick<Handlers, keyof typeof findingChannels> => ({
  'findings.list': (input) => service((c) => findings.listFindings(c, input.caseId)),
  'findings.save': (input) => service((c) => findings.saveFinding(c, input)),
});
