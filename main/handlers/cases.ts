import type { caseChannels } from '../../shared/contract/channels/cases';
import type { Handlers } from '../ipc/router';
import * as cases from '../services/case-service';
import type { RunService } from './run-service';

export const caseHandlers = (service: RunService): Pick<Handlers, keyof typeof caseChannels> => ({
  'cases.list': (input) => service((c) => cases.listCases(c, input)),
  'cases.countries': () => service((c) => cases.listCaseCountries(c)),
  'cases.get': (input) => service((c) => cases.getCase(c, input.id)),
  'cases.create': (input) => service((c) => cases.createCase(c, input)),
  'cases.update': (input) => service((c) => cases.updateCase(c, input)),
  'cases.close': (input) => service((c) => cases.closeCase(c, input)),
  'cases.reopen': (input) => service((c) => cases.reopenCase(c, input)),
});
