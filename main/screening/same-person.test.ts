import { beforeAll, describe, expect, it } from 'vitest';
import type { DesignationEntry } from '../../shared/domain/designations';
import { readList } from '../lists/read-list';
import { fixture } from '../lists/test-fixtures';
import { groupSamePerson } from './same-person';

/** Real entries of the EU, Canadian, Japanese and OFAC (2021) fixture lists, by "list|reference". */
const entries = new Map<string, DesignationEntry>();

beforeAll(async () => {
  const lists = { eu: fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml'), ca: fixture('canada', 'sema-lmes_2020-04.xml'), jp: fixture('jp-mof', 'shisantouketsu20260305.xlsx') };
  const ofac = ['sdn.csv.gz', 'alt.csv', 'add.csv'].map((name) => fixture('us-ofac-sdn', 'full-2021-07', name));
  for (const [key, files] of [...Object.entries(lists).map(([key, file]) => [key, [file]] as const), ['us', ofac] as const]) {
    const read = await readList(files.map((file) => ({ path: file, name: file.split('/').pop()! })));
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

  it('links a name given without its patronymic when one list gives no date of birth (GUBAREV: Canada with none, Japan and OFAC 1983)', () => {
    expect(groupsOf(['ca|Ukraine, Schedule 1, item 50', 'jp|26-45', 'us|17256'])).toEqual([['ca|Ukraine, Schedule 1, item 50', 'jp|26-45', 'us|17256']]);
  });

  it('links the same name born in the same year on another day (NCUBE: 13 Mar 1954 and 1954-10-13), or about then (BAYNAH: circa 1966 and 1965-12-24)', () => {
    expect(groupsOf(['us|7536', 'ca|Zimbabwe, Schedule N/A, item 64'])).toEqual([['ca|Zimbabwe, Schedule N/A, item 64', 'us|7536']]);
    expect(groupsOf(['us|11747', 'jp|21-2'])).toEqual([['jp|21-2', 'us|11747']]);
  });

  it('does not link names alike only up to their vowels on the year alone (Mahmoud Hamid, 1966-05-29; Hammedi Mohammed, 22 Sep 1966)', () => {
    expect(groupsOf(['jp|2-402', 'us|9599'])).toEqual([['jp|2-402'], ['us|9599']]);
  });

  it('links names alike by sound, in any script, when both give the same day of birth (ZAKI EZAT ZAKI AHMED, AHMAD, Zaki Izzat Zaki: 1960-04-21)', () => {
    expect(groupsOf(['jp|2-471', 'us|9483'])).toEqual([['jp|2-471', 'us|9483']]);
    expect(groupsOf(['jp|2-752', 'us|22643'])).toEqual([['jp|2-752', 'us|22643']]); // Ruslanovich, Ruslanovish: 1992-03-14
  });

  it('does not link names alike by sound on the year alone (the Sabawi brothers Omar, c. 1970, and Ayman, 1971-10-21)', () => {
    expect(groupsOf(['jp|5-85', 'jp|5-86'])).toEqual([['jp|5-85'], ['jp|5-86']]);
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
