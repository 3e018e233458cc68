import type { CountryCode } from '../../shared/domain/countries';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { SubjectRole, SubjectType } from '../../shared/domain/subjects';
import type { AllegationKey, Paragraph, SourceKey } from './demo-facts';

/**
 * The demo's subjects, with only what the published lists and statements give: names in Latin and
 * Han script, the OFAC list's dates and places of birth (its wording kept), positions as the
 * designating authorities describe them (periods only where the source states them), and who
 * designated each, when, on which source.
 */
export interface DemoSubject {
  key: string;
  type: SubjectType;
  latin: string;
  han: string;
  aliases?: string[];
  birth?: { date: FuzzyDate; sourceText: string; place?: string };
  nationality?: CountryCode;
  positions: { title: string; organization: string; period: FuzzyDate; source: SourceKey }[];
  address?: string;
  roles: { allegation: AllegationKey; role: SubjectRole }[];
  /** Who designated the subject, in order, each with the source that records it. */
  designations: { by: string; on: string; sources: SourceKey[] }[];
  /** "him", "it": the statement of reasons speaks of the subject in the third person. */
  pronoun: 'he' | 'it';
  /** What the published reasons say the subject was, in our words. */
  described: string;
}

const UNKNOWN: FuzzyDate = { precision: 'unknown' };
const US_2020 = { by: 'the United States (Global Magnitsky, EO 13818)', on: '9 July 2020', sources: ['us2020', 'ofac'] as SourceKey[] };
const US_LIST = { by: 'the United States (Global Magnitsky, EO 13818)', on: 'listed on the OFAC SDN list by July 2021', sources: ['ofac'] as SourceKey[] };
const COORDINATED_2021 = {
  by: 'the European Union (Regulation (EU) 2020/1998), the United Kingdom (Global Human Rights Sanctions Regulations 2020) and Canada (Special Economic Measures Act)',
  on: '22 March 2021',
  sources: ['eu2021', 'uk2021', 'ca2021'] as SourceKey[],
};
const XUAR = 'Xinjiang Uyghur Autonomous Region';

export const DEMO_SUBJECTS: readonly DemoSubject[] = [
  {
    key: 'zhu',
    type: 'person',
    latin: 'Zhu Hailun',
    han: '朱海仑',
    birth: { date: { precision: 'month', value: '1958-01' }, sourceText: 'DOB Jan 1958', place: 'Lianshui, Jiangsu' },
    nationality: 'CN',
    positions: [
      { title: 'Secretary of the Political and Legal Affairs Committee', organization: `Communist Party of China, ${XUAR} Committee`, period: { precision: 'range', from: '2016', to: '2019' }, source: 'eu2021' },
      { title: 'Deputy Party Secretary', organization: `Communist Party of China, ${XUAR} Committee`, period: UNKNOWN, source: 'us2020' },
    ],
    address: 'Xinjiang',
    roles: [
      { allegation: 'detention', role: 'commander' },
      { allegation: 'religion', role: 'commander' },
    ],
    designations: [US_2020, COORDINATED_2021],
    pronoun: 'he',
    described: 'a senior official of the regional Party Committee who, as Secretary of its Political and Legal Affairs Committee, oversaw the region’s security apparatus',
  },
  {
    key: 'wang-mingshan',
    type: 'person',
    latin: 'Wang Mingshan',
    han: '王明山',
    birth: { date: { precision: 'month', value: '1964-01' }, sourceText: 'DOB Jan 1964', place: 'Wuwei, Gansu' },
    nationality: 'CN',
    positions: [
      { title: 'Director and Party Secretary', organization: 'Xinjiang Public Security Bureau', period: UNKNOWN, source: 'us2020' },
      { title: 'Secretary of the Political and Legal Affairs Committee', organization: `Communist Party of China, ${XUAR} Committee`, period: UNKNOWN, source: 'eu2021' },
    ],
    address: 'Xinjiang',
    roles: [
      { allegation: 'detention', role: 'commander' },
      { allegation: 'religion', role: 'commander' },
    ],
    designations: [US_2020, COORDINATED_2021],
    pronoun: 'he',
    described: 'the head of the Xinjiang Public Security Bureau and later the official in charge of the region’s political and legal affairs',
  },
  {
    key: 'wang-junzheng',
    type: 'person',
    latin: 'Wang Junzheng',
    han: '王君正',
    birth: { date: { precision: 'month', value: '1963-05' }, sourceText: 'DOB May 1963', place: 'Linyi City, Shandong Province' },
    nationality: 'CN',
    positions: [
      { title: 'Party Secretary', organization: 'Xinjiang Production and Construction Corps', period: UNKNOWN, source: 'eu2021' },
      { title: 'Secretary of the Political and Legal Affairs Committee (former)', organization: `Communist Party of China, ${XUAR} Committee`, period: UNKNOWN, source: 'eu2021' },
    ],
    address: 'Urumqi, Xinjiang',
    roles: [
      { allegation: 'detention', role: 'commander' },
      { allegation: 'religion', role: 'commander' },
    ],
    designations: [COORDINATED_2021, US_LIST],
    pronoun: 'he',
    described: 'the Party Secretary of the Xinjiang Production and Construction Corps and, before that, the official in charge of the region’s political and legal affairs',
  },
  {
    key: 'chen-mingguo',
    type: 'person',
    latin: 'Chen Mingguo',
    han: '陈明国',
    birth: { date: { precision: 'month', value: '1966-10' }, sourceText: 'DOB Oct 1966', place: 'Yilong, Sichuan' },
    nationality: 'CN',
    positions: [
      { title: 'Director', organization: 'Xinjiang Public Security Bureau', period: UNKNOWN, source: 'eu2021' },
      { title: 'Vice-Chairman', organization: `People’s Government of the ${XUAR}`, period: UNKNOWN, source: 'eu2021' },
    ],
    address: 'Xinjiang',
    roles: [
      { allegation: 'detention', role: 'commander' },
      { allegation: 'religion', role: 'commander' },
    ],
    designations: [COORDINATED_2021, US_LIST],
    pronoun: 'he',
    described: 'the Director of the Xinjiang Public Security Bureau',
  },
  {
    key: 'chen-quanguo',
    type: 'person',
    latin: 'Chen Quanguo',
    han: '陈全国',
    birth: { date: { precision: 'year', value: '1955' }, sourceText: 'DOB 1955', place: 'Pingyu, Henan' },
    positions: [{ title: 'Party Secretary', organization: `Communist Party of China, ${XUAR} Committee`, period: { precision: 'range', from: '2016', to: '2021' }, source: 'us2020' }],
    address: 'Xinjiang',
    roles: [{ allegation: 'detention', role: 'commander' }],
    designations: [US_2020],
    pronoun: 'he',
    described: 'the Party Secretary of the region, its most senior official',
  },
  {
    key: 'huo',
    type: 'person',
    latin: 'Huo Liujun',
    han: '霍留军',
    birth: { date: { precision: 'year', value: '1952' }, sourceText: 'DOB 1952' },
    positions: [{ title: 'Party Secretary (former)', organization: 'Xinjiang Public Security Bureau', period: UNKNOWN, source: 'us2020' }],
    address: 'Xinjiang',
    roles: [{ allegation: 'detention', role: 'commander' }],
    designations: [US_2020],
    pronoun: 'he',
    described: 'a former Party Secretary of the Xinjiang Public Security Bureau',
  },
  {
    key: 'xpsb',
    type: 'state_body',
    latin: 'Xinjiang Public Security Bureau',
    han: '新疆维吾尔自治区公安厅',
    aliases: [
      'Xinjiang Bureau of Public Security',
      'Public Security Department of Xinjiang Uygar Autonomous Region',
      'Public Security Department of XUAR',
      'Public Security Department of the Autonomous Region',
    ],
    positions: [],
    address: 'Xinjiang',
    roles: [{ allegation: 'detention', role: 'direct_perpetrator' }],
    designations: [US_2020],
    pronoun: 'it',
    described: 'the public security organ of the region',
  },
  {
    key: 'xpcc-psb',
    type: 'state_body',
    latin: 'Xinjiang Production and Construction Corps Public Security Bureau',
    han: '新疆生产建设兵团公安局',
    positions: [],
    roles: [
      { allegation: 'detention', role: 'direct_perpetrator' },
      { allegation: 'religion', role: 'direct_perpetrator' },
    ],
    designations: [COORDINATED_2021],
    pronoun: 'it',
    described: 'the public security organ of the Xinjiang Production and Construction Corps',
  },
];

const exhibits = (sources: readonly SourceKey[]): Paragraph =>
  sources.flatMap((source, i) => [...(i > 0 ? [', '] : []), { exhibit: source }]);

/** "Designated by X on D (E-1, E-2); by Y on D2 (E-3). Japan has not designated him." */
function designationParagraph(s: DemoSubject): Paragraph {
  const parts: (string | { exhibit: SourceKey })[] = [];
  s.designations.forEach((d, i) => {
    parts.push(`${i === 0 ? 'Designated by' : '; by'} ${d.by}, ${d.on} (`, ...exhibits(d.sources), ')');
  });
  parts.push(`. Japan has not designated ${s.pronoun === 'he' ? 'him' : 'it'}.`);
  return parts;
}

const conduct = (s: DemoSubject) =>
  s.roles.some((r) => r.allegation === 'religion')
    ? 'large-scale arbitrary detention and degrading treatment of Uyghurs and people from other Muslim ethnic minorities in Xinjiang, and systematic violations of their freedom of religion or belief'
    : 'serious human rights abuse against Uyghurs and other ethnic minorities in Xinjiang, including mass arbitrary detention';

const allSources = (s: DemoSubject): SourceKey[] => [...new Set(s.designations.flatMap((d) => d.sources))];

/** The subject's finding: who designated it, what the published reasons say, the standard, the caveat. */
export const subjectFinding = (s: DemoSubject): Paragraph[] => [
  designationParagraph(s),
  [
    `The published reasons describe ${s.pronoun === 'he' ? 'him' : 'it'} as ${s.described}, and hold ${s.pronoun === 'he' ? 'him' : 'it'} responsible for ${conduct(s)} (`,
    ...exhibits(allSources(s).filter((k) => k !== 'ofac')),
    '). Standard: reasonable grounds to suspect, treated as met on this public record for the demonstration only.',
  ],
];

/** The statement of reasons, as an annex entry would word it. */
export const subjectReasons = (s: DemoSubject): Paragraph[] => [
  [
    `${s.latin} is ${s.described}. According to the published statements of the designating authorities (`,
    ...exhibits(allSources(s).filter((k) => k !== 'ofac')),
    `), ${s.pronoun} is responsible for ${conduct(s)}.`,
  ],
  designationParagraph(s),
];
