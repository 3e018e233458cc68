import type { Subject } from '../../shared/contract';
import { normaliseIdentifier } from '../lists/designation-store';
import type { ServiceContext } from '../services/context';
import { getSubject } from '../services/subject-service';
import { prepareName } from './name-match';
import type { SubjectProfile } from './score';

/** What screening compares of a subject: names and aliases in every script, birth dates, nationalities, documents. */
export function profileOf(subject: Pick<Subject, 'id' | 'type' | 'names' | 'aliases' | 'birthDates' | 'nationalities' | 'documents'>): SubjectProfile {
  return {
    id: subject.id,
    type: subject.type,
    names: [
      ...subject.names.map((n) => ({ value: n.value, script: n.script, strength: 'primary' as const, prepared: prepareName(n.value) })),
      ...subject.aliases.map((a) => ({ value: a.value, script: a.script, strength: a.strength, prepared: prepareName(a.value) })),
    ].filter((n) => n.prepared.tokens.length > 0),
    birthDates: subject.birthDates.map((b) => b.date),
    nationalities: subject.nationalities.map((n) => n.country),
    documents: subject.documents.map((d) => ({ number: d.number, normalised: normaliseIdentifier(d.number), country: d.country })),
  };
}

export const subjectProfile = (ctx: ServiceContext, subjectId: string): SubjectProfile => profileOf(getSubject(ctx, subjectId));
