import { beforeAll, describe, expect, it } from 'vitest';
import type { DesignationEntry } from '../../shared/domain/designations';
import { readList } from '../lists/read-list';
import { fixture } from '../lists/test-fixtures';
import { groupSamePerson } from './same-person';

/** Real entries of the EU, Canadian and Japanese fixture lists, by "list|reference". */
const entries = new Map<string, DesignationEntry>();

beforeAll(async () => {
  const lists = { eu: fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml'), ca: fixture('canada', 'sema-lmes_2020-04.xml'), jp: fixture('jp-mof', 'shisantouketsu20260305.xlsx') };
  for (const [key, file] of Object.entries(lists)) {
    const read = await readList([{ path: file, name: file.split('/').pop()! }]);
    for (const entry of read.entries) entries.set(`${key}|${entry.listId}`, entry);
  }
}, 60_000);

const groupsOf = (refs: string[]) =>
  groupSamePerson(refs.map((ref) => ({ ref, entry: entries.get(ref)! })))
    .map((g) => g.members.map((m) => m.ref).sort())
    .sort();

describe('one designated person listed several times', () => {
  it('links a name given with and without its patronymic when both give the same day of birth (SECHIN, Canada and Japan)', () => {
    expect(groupsOf(['ca|Russia, Schedule 1, item 103', 'jp|29-17'])).toEqual([['ca|Russia, Schedule 1, item 103', 'jp|29-17']]);
  });

  it('does not chain two people through an entry that gives no date of birth', () => {
    // EU's Khalid Sheikh MOHAMMED (1965, 1964) has the alias Ali Salem; JP 2-474 ALI SAYYID MUHAMED
    // MUSTAFA BAKRI (1966) has the alias Ali Salim; Canada lists an "Ali Al-Salim" with no date.
    expect(groupsOf(['eu|EU.3579.2', 'jp|4-4', 'jp|2-474', 'ca|Syria, Schedule 2, item 35'])).toEqual([
      ['ca|Syria, Schedule 2, item 35', 'jp|2-474'],
      ['eu|EU.3579.2', 'jp|4-4'],
    ]);
  });
});
