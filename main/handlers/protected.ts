import type { protectedChannels } from '../../shared/contract/channels/protected';
import type { Handlers } from '../ipc/router';
import * as persons from '../services/protected-identity-service';
import type { RunService } from './run-service';

export const protectedHandlers = (service: RunService): Pick<Handlers, keyof typeof protectedChannels> => ({
  'protected.list': (input) => service((c) => persons.listPersons(c, input.caseId)),
  'protected.reveal': (input) => service((c) => persons.revealPerson(c, input.id)),
  'protected.create': (input) => service((c) => persons.createPerson(c, input)),
  'protected.update': (input) => service((c) => persons.updatePerson(c, input)),
  'protected.delete': (input) => service((c) => persons.deletePerson(c, input)),
});
