/**
 * Designations written back as FollowTheMoney entities, the way OpenSanctions publishes them: the
 * designated Thing, and one Sanction per authority whose `entity` names it. For the FtM reader's
 * tests (round trips of real fixture entries) and the benchmark's generated million-entity file.
 */
import type { DesignationEntry } from '../../shared/domain/designations';
import { ftmDates } from '../services/subject-ftm';

export interface FtmLineEntity {
  id: string;
  caption?: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  first_seen?: string;
  last_seen?: string;
  target?: boolean;
}

/** A sanctioning authority as OpenSanctions names it: publisher name and country (none for the UN). */
export interface FtmAuthority {
  label: string;
  country?: string;
}

export const FTM_AUTHORITIES = {
  US: { label: 'Office of Foreign Assets Control', country: 'us' },
  UK: { label: 'Foreign, Commonwealth & Development Office', country: 'gb' },
  EU: { label: 'European Union', country: 'eu' },
  CA: { label: 'Global Affairs Canada', country: 'ca' },
  AU: { label: 'Department of Foreign Affairs and Trade', country: 'au' },
  UN: { label: 'United Nations Security Council' },
  JP: { label: 'Ministry of Finance', country: 'jp' },
  CH: { label: 'State Secretariat for Economic Affairs', country: 'ch' },
} satisfies Record<string, FtmAuthority>;

const SCHEMA: Record<DesignationEntry['type'], string> = {
  person: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
  unknown: 'LegalEntity',
};

const ID_PROPERTY: Partial<Record<DesignationEntry['identifiers'][number]['type'], string>> = {
  passport: 'passportNumber',
  national_id: 'idNumber',
  tax_id: 'taxNumber',
  registration: 'registrationNumber',
  imo: 'imoNumber',
};

const compact = (props: Record<string, (string | null | undefined)[]>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(props)
      .map(([k, v]): [string, string[]] => [k, [...new Set(v.filter((x): x is string => !!x && x.trim() !== ''))]])
      .filter(([, v]) => v.length > 0),
  );

/** The designated entity, with properties named as FtM names them. */
export function entryToFtmEntity(entry: DesignationEntry, id: string): FtmLineEntity {
  const person = entry.type === 'person';
  const primary = entry.names.filter((n) => n.strength === 'primary');
  const parts = primary.find((n) => n.parts?.given || n.parts?.family)?.parts;
  const props: Record<string, (string | null | undefined)[]> = {
    name: primary.map((n) => n.value),
    alias: entry.names.filter((n) => n.strength === 'strong').map((n) => n.value),
    weakAlias: entry.names.filter((n) => n.strength === 'weak').map((n) => n.value),
    address: entry.addresses.map((a) => a.text),
    notes: entry.remarks,
    topics: ['sanction'],
  };
  if (person) {
    props.firstName = [parts?.given];
    props.lastName = [parts?.family];
    props.birthDate = entry.datesOfBirth.flatMap((d) => ftmDates(d.value));
    props.birthPlace = entry.placesOfBirth.map((p) => p.text);
    props.nationality = entry.nationalities.map((n) => n.country?.toLowerCase());
    props.position = entry.positions;
  } else {
    props.country = entry.nationalities.map((n) => n.country?.toLowerCase());
  }
  for (const i of entry.identifiers) {
    const prop = ID_PROPERTY[i.type];
    if (prop) (props[prop] ??= []).push(i.value);
  }
  return { id, caption: primary[0]?.value ?? entry.names[0]?.value, schema: SCHEMA[entry.type], properties: compact(props), target: true };
}

/** A Sanction of `entityId` by one authority, with the entry's programmes and listing date. */
export function sanctionFtm(id: string, entityId: string, authority: FtmAuthority, programmes: string[], listedOn: string | null): FtmLineEntity {
  return {
    id,
    caption: 'Sanction',
    schema: 'Sanction',
    properties: compact({
      entity: [entityId],
      authority: [authority.label],
      country: [authority.country],
      program: programmes,
      listingDate: [listedOn],
    }),
    target: false,
  };
}
