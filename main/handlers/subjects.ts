import type { subjectChannels } from '../../shared/contract/channels/subjects';
import type { Handlers } from '../ipc/router';
import { exportSubjectFtm } from '../services/subject-ftm';
import * as subjects from '../services/subject-service';
import type { RunService } from './run-service';

export const subjectHandlers = (service: RunService): Pick<Handlers, keyof typeof subjectChannels> => ({
  'subjects.listForCase': (input) => service((c) => subjects.listCaseSubjects(c, input.caseId)),
  'subjects.get': (input) => service((c) => subjects.getSubject(c, input.id)),
  'subjects.create': (input) => service((c) => subjects.createSubject(c, input)),
  'subjects.update': (input) => service((c) => subjects.updateSubject(c, input)),
  'subjects.find': (input) => service((c) => subjects.findSubjects(c, input)),
  'subjects.addToCase': (input) => service((c) => subjects.addSubjectToCase(c, input)),
  'subjects.removeFromCase': (input) => service((c) => subjects.removeSubjectFromCase(c, input)),
  'subjects.setRoles': (input) => service((c) => subjects.setSubjectRoles(c, input)),
  'subjects.relationships': (input) => service((c) => subjects.caseRelationships(c, input.caseId)),
  'subjects.createRelationship': (input) => service((c) => subjects.createRelationship(c, input)),
  'subjects.updateRelationship': (input) => service((c) => subjects.updateRelationship(c, input)),
  'subjects.deleteRelationship': (input) => service((c) => subjects.deleteRelationship(c, input)),
  'subjects.exportFtm': (input) => service((c) => exportSubjectFtm(c, input.id)),
});
