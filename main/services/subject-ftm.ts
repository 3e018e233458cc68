import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { Relationship, Subject } from '../../shared/contract';
import type { ServiceContext } from './context';
import { getSubject, relationshipsOf } from './subject-service';

/**
 * A subject as FollowTheMoney entities (https://followthemoney.tech), one JSON object per line:
 * the subject (Person, Organization, Company or PublicBody), an Identification (Passport for
 * passports) per document, a Position and an Occupancy per position held, and one entity per
 * relationship, with a stub of the subject at the other end so that every reference resolves.
 *
 * Ids are ours, prefixed, so exports are stable across runs and machines: `cb-<uuid>` for a subject
 * and for each fact row, `cb-occ-<uuid>` for the occupancy of a position.
 */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const SCHEMA_OF: Record<Subject['type'], string> = {
  person: 'Person',
  organization: 'Organization',
  company: 'Company',
  state_body: 'PublicBody',
};

const ftmId = (uuid: string) => `cb-${uuid}`;
const isOrganization = (schema: string) => schema !== 'Person';

/**
 * FtM dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD). A range of whole years up to 10 years long
 * becomes each of its years (a birth date "between 1963 and 1968" matches any of them, as lists of
 * possible birth years do); any other range gives its two ends. Unknown gives nothing.
 */
export function ftmDates(date: FuzzyDate): string[] {
  switch (date.precision) {
    case 'unknown':
      return [];
    case 'range': {
      const from = Number(date.from.slice(0, 4));
      const to = Number(date.to.slice(0, 4));
      if (date.from.length === 4 && date.to.length === 4 && to - from <= 10) {
        return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
      }
      return [date.from, date.to];
    }
    default:
      return [date.value];
  }
}

/** Start and end for an Interval's startDate/endDate. */
function period(date: FuzzyDate): Record<string, string[]> {
  switch (date.precision) {
    case 'unknown':
      return {};
    case 'range':
      return { startDate: [date.from], endDate: [date.to] };
    default:
      return { startDate: [date.value] };
  }
}

const compact = (properties: Record<string, (string | null | undefined)[]>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(properties)
      .map(([key, values]): [string, string[]] => [key, [...new Set(values.filter((v): v is string => !!v && v.trim() !== ''))]])
      .filter(([, values]) => values.length > 0),
  );

function subjectEntity(subject: Subject): FtmEntity {
  const schema = SCHEMA_OF[subject.type];
  const countries = subject.nationalities.map((n) => n.country.toLowerCase());
  const properties: Record<string, (string | null)[]> = {
    name: subject.names.filter((n) => n.primary).map((n) => n.value),
    alias: [
      ...subject.names.filter((n) => !n.primary).map((n) => n.value),
      ...subject.aliases.filter((a) => a.strength === 'strong').map((a) => a.value),
    ],
    weakAlias: subject.aliases.filter((a) => a.strength === 'weak').map((a) => a.value),
    address: subject.addresses.map((a) => a.address),
    notes: [subject.notes],
  };
  if (schema === 'Person') {
    properties.birthDate = subject.birthDates.flatMap((b) => ftmDates(b.date));
    properties.birthPlace = subject.birthPlaces.map((p) => p.place);
    properties.nationality = countries;
    properties.position = subject.positions.map((p) => p.title);
    properties.passportNumber = subject.documents.filter((d) => d.type === 'passport').map((d) => d.number);
    properties.idNumber = subject.documents.filter((d) => d.type !== 'passport').map((d) => d.number);
    // The sources' own wording of disputed or imprecise birth dates is kept in notes.
    properties.notes = [
      ...(properties.notes ?? []),
      ...subject.birthDates.filter((b) => b.sourceText).map((b) => `Date of birth as given in the source: ${b.sourceText}`),
    ];
  } else {
    properties.country = countries;
    properties.idNumber = subject.documents.map((d) => d.number);
  }
  return { id: ftmId(subject.id), schema, properties: compact(properties) };
}

function relationshipEntity(r: Relationship, schemaOf: (id: string) => string): FtmEntity {
  const from = ftmId(r.fromId);
  const to = ftmId(r.toId);
  const fromSchema = schemaOf(r.fromId);
  const toSchema = schemaOf(r.toId);
  const common = { ...period(r.period), description: [r.note] };
  const entity = (schema: string, properties: Record<string, (string | undefined)[]>): FtmEntity => ({
    id: ftmId(r.id),
    schema,
    properties: compact({ ...common, ...properties }),
  });
  const bothPersons = fromSchema === 'Person' && toSchema === 'Person';
  switch (r.kind) {
    case 'family':
      if (bothPersons) return entity('Family', { person: [from], relative: [to], relationship: [r.note] });
      break;
    case 'associate':
      if (bothPersons) return entity('Associate', { person: [from], associate: [to], relationship: [r.note] });
      break;
    case 'owns':
      // Ownership's asset must be an Asset; of our types only Company is one.
      if (toSchema === 'Company') return entity('Ownership', { owner: [from], asset: [to], role: ['owner'] });
      break;
    case 'controls':
    case 'commands':
      // A person or body at the head of an organisation or unit: a Directorship with its role.
      if (isOrganization(toSchema)) {
        return entity('Directorship', { director: [from], organization: [to], role: [r.kind === 'commands' ? 'commander' : 'controller'] });
      }
      break;
  }
  // No FtM schema says this of these two (a person commanding a person, a family tie of a company …).
  return entity('UnknownLink', { subject: [from], object: [to], role: [r.kind] });
}

export function subjectToFtm(ctx: ServiceContext, id: string): FtmEntity[] {
  const subject = getSubject(ctx, id);
  const entities: FtmEntity[] = [subjectEntity(subject)];
  const holder = ftmId(subject.id);

  for (const d of subject.documents) {
    entities.push({
      id: ftmId(d.id),
      schema: d.type === 'passport' ? 'Passport' : 'Identification',
      properties: compact({
        holder: [holder],
        type: [d.type === 'passport' ? 'passport' : d.type === 'national_id' ? 'national ID' : 'other'],
        number: [d.number],
        country: [d.country?.toLowerCase()],
        summary: [d.note],
      }),
    });
  }
  if (subject.type === 'person') {
    for (const p of subject.positions) {
      const post = ftmId(p.id);
      entities.push({ id: post, schema: 'Position', properties: compact({ name: [p.title], summary: [p.organization] }) });
      entities.push({
        id: `cb-occ-${p.id}`,
        schema: 'Occupancy',
        properties: compact({ holder: [holder], post: [post], ...period(p.period) }),
      });
    }
  }

  const relationships = relationshipsOf(ctx, subject.id);
  const others = new Map<string, Subject>();
  for (const r of relationships) {
    for (const other of [r.fromId, r.toId]) {
      if (other !== subject.id && !others.has(other)) others.set(other, getSubject(ctx, other));
    }
  }
  const schemaOf = (sid: string) => SCHEMA_OF[(sid === subject.id ? subject : others.get(sid))?.type ?? 'organization'];
  for (const other of others.values()) {
    entities.push({
      id: ftmId(other.id),
      schema: SCHEMA_OF[other.type],
      properties: compact({ name: other.names.filter((n) => n.primary).map((n) => n.value) }),
    });
  }
  for (const r of relationships) entities.push(relationshipEntity(r, schemaOf));
  return entities;
}

export function exportSubjectFtm(ctx: ServiceContext, id: string) {
  const entities = subjectToFtm(ctx, id);
  const subject = getSubject(ctx, id);
  return {
    fileName: `${subject.reference}.ftm.json`,
    text: entities.map((e) => JSON.stringify(e)).join('\n') + '\n',
    entityCount: entities.length,
  };
}
