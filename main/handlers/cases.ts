import type { caseChannels } from '../../shared/contract/channels/cases';
import type { Handlers } from '../ipc/router';
import * as cases from '../services/case-service';
import { findDemo, openDemo } from '../demo/build-demo';
import type { RunEvidenceService } from './evidence';
import type { RunService } from './run-service';

/** `evidenceService`: the demo case is built with its source notes in the evidence vault. */
export const caseHandlers = (service: RunService, evidenceService: RunEvidenceService): Pick<Handlers, keyof typeof caseChannels> => ({
  'cases.list': (input) => service((c) => cases.listCases(c, input)),
  'cases.countries': () => service((c) => cases.listCaseCountries(c)),
  'cases.get': (input) => service((c) => cases.getCase(c, input.id)),
  'cases.create': (input) => service((c) => cases.createCase(c, input)),
  'cases.update': (input) => service((c) => cases.updateCase(c, input)),
  'cases.close': (input) => service((c) => cases.closeCase(c, input)),
  'cases.reopen': (input) => service((c) => cases.reopenCase(c, input)),
  'cases.findDemo': () => service((c) => findDemo(c)),
  'cases.openDemo': () => evidenceService((c) => openDemo(c)),
});
