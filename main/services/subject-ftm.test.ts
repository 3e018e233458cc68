import { describe, expect, it } from 'vitest';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { testContext } from '../test-support/service-context';
import { exportSubjectFtm, ftmDates } from './subject-ftm';
import { createRelationship, createSubject } from './subject-service';

describe('FollowTheMoney export', () => {
  it('gives the subject, its documents, positions and relationships as entities with stable ids', () => {
    const ctx = testContext();
    const person = createSubject(
      ctx,
      SubjectFieldsSchema.parse({
        type: 'person',
        names: [
          { script: 'latn', value: 'Wang Mingshan', primary: true },
          { script: 'hans', value: '王明山' },
          { script: 'latn', value: 'Wang Ming-shan' },
        ],
        aliases: [
          { script: 'latn', value: 'W. Mingshan', strength: 'strong' },
          { script: 'latn', value: 'Old Wang', strength: 'weak' },
        ],
        birthDates: [{ date: { precision: 'range', from: '1963', to: '1968' }, sourceText: '1963年から1968年の間' }],
        birthPlaces: [{ place: 'Shandong', country: 'CN' }],
        nationalities: [{ country: 'CN' }],
        documents: [
          { type: 'passport', number: 'E12345678', country: 'CN' },
          { type: 'national_id', number: '370000196301010000', country: 'CN' },
        ],
        positions: [{ title: 'Secretary of the Political and Legal Affairs Commission', organization: 'XUAR', period: { precision: 'range', from: '2019-11', to: '2021' } }],
      }),
    );
    const bureau = createSubject(
      ctx,
      SubjectFieldsSchema.parse({ type: 'state_body', names: [{ script: 'latn', value: 'Xinjiang Public Security Bureau' }] }),
    );
    const wife = createSubject(ctx, SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Relative' }] }));
    const company = createSubject(ctx, SubjectFieldsSchema.parse({ type: 'company', names: [{ script: 'latn', value: 'Front Co.' }] }));
    const rel = (fromId: string, toId: string, kind: 'commands' | 'owns' | 'controls' | 'family' | 'associate') =>
      createRelationship(ctx, { fromId, toId, kind, period: { precision: 'year', value: '2017' }, note: '', evidenceIds: [] });
    rel(person.id, bureau.id, 'controls');
    rel(wife.id, person.id, 'family');
    rel(person.id, company.id, 'owns');
    rel(person.id, wife.id, 'commands');

    const out = exportSubjectFtm(ctx, person.id);
    expect(out.fileName).toBe('S-1.ftm.json');
    const lines = out.text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(out.entityCount).toBe(lines.length);
    const bySchema = (schema: string) => lines.filter((e) => e.schema === schema);

    const [p] = bySchema('Person').filter((e) => e.id === `cb-${person.id}`);
    expect(p?.properties).toMatchObject({
      name: ['Wang Mingshan', '王明山'],
      alias: ['Wang Ming-shan', 'W. Mingshan'],
      weakAlias: ['Old Wang'],
      birthDate: ['1963', '1964', '1965', '1966', '1967', '1968'],
      birthPlace: ['Shandong'],
      nationality: ['cn'],
      passportNumber: ['E12345678'],
    });
    expect(p?.properties.notes?.join()).toContain('1963年から1968年の間');

    expect(bySchema('Passport')[0]?.properties).toMatchObject({ holder: [`cb-${person.id}`], number: ['E12345678'], country: ['cn'] });
    expect(bySchema('Identification')[0]?.properties).toMatchObject({ holder: [`cb-${person.id}`], type: ['national ID'] });
    const [position] = bySchema('Position');
    expect(bySchema('Occupancy')[0]?.properties).toEqual({
      holder: [`cb-${person.id}`],
      post: [position?.id],
      startDate: ['2019-11'],
      endDate: ['2021'],
    });
    expect(bySchema('Directorship')[0]?.properties).toMatchObject({ director: [`cb-${person.id}`], organization: [`cb-${bureau.id}`], role: ['controller'] });
    expect(bySchema('Family')[0]?.properties).toMatchObject({ person: [`cb-${wife.id}`], relative: [`cb-${person.id}`] });
    expect(bySchema('Ownership')[0]?.properties).toMatchObject({ owner: [`cb-${person.id}`], asset: [`cb-${company.id}`] });
    expect(bySchema('UnknownLink')[0]?.properties).toMatchObject({ subject: [`cb-${person.id}`], object: [`cb-${wife.id}`], role: ['commands'] });
    expect(bySchema('PublicBody').map((e) => e.properties.name)).toEqual([['Xinjiang Public Security Bureau']]);
    expect(bySchema('Company')).toHaveLength(1);

    // Every entity reference points at an entity in the file; the same export twice is identical.
    const ids = new Set(lines.map((e) => e.id));
    for (const e of lines) {
      for (const key of ['holder', 'post', 'director', 'organization', 'person', 'relative', 'owner', 'asset', 'subject', 'object']) {
        for (const ref of e.properties[key] ?? []) expect(ids.has(ref)).toBe(true);
      }
    }
    expect(exportSubjectFtm(ctx, person.id).text).toBe(out.text);
  });

  it('writes dates as FtM prefixes', () => {
    expect(ftmDates({ precision: 'day', value: '1956-07-03' })).toEqual(['1956-07-03']);
    expect(ftmDates({ precision: 'month', value: '1956-07' })).toEqual(['1956-07']);
    expect(ftmDates({ precision: 'range', from: '1950-01', to: '1970' })).toEqual(['1950-01', '1970']);
    expect(ftmDates({ precision: 'range', from: '1900', to: '1970' })).toEqual(['1900', '1970']);
    expect(ftmDates({ precision: 'unknown' })).toEqual([]);
  });
});
