import type { CaseFields } from '../../shared/contract';
import type { ConductCategoryCode } from '../../shared/domain/conduct-categories';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';

/**
 * The demo case's public facts as data (DOMAIN.md, "Public facts usable as demo material"): the
 * 9 July 2020 US Global Magnitsky action on Xinjiang and the coordinated EU/UK/Canada listings of
 * 22 March 2021. Every statement names the published source it comes from; narratives summarise the
 * designating authorities' public statements of reasons in our own words. No victim, witness or
 * document of anyone's own is invented: the demo records none.
 */

/** Who the demo's events are stamped by: never the user, who did not make these records. */
export const DEMO_ACTOR = 'Casebench demo';

export type SourceKey = 'us2020' | 'ofac' | 'eu2021' | 'uk2021' | 'ca2021';

/** A public source, kept in the case as a short text note WE write citing it (never a copy of it). */
export interface DemoSource {
  key: SourceKey;
  fileName: string;
  title: string;
  /** Who published it. */
  publisher: string;
  /** The citation: URL or official journal reference. */
  citation: string;
  /** Admiralty grading: an official publication (A); its statements are the authority's conclusions (2), list data (1). */
  credibility: 1 | 2;
  /** What the note says, in our words. */
  summary: string[];
}

const NOTE_HEADER = 'Casebench demo: source note written by Casebench, citing a public source. It is not a copy of the source and not evidence gathered by an investigator.';

export const noteText = (s: DemoSource): string =>
  [NOTE_HEADER, '', `Source: ${s.title}`, `Published by: ${s.publisher}`, `Citation: ${s.citation}`, '', 'Summary in our words:', ...s.summary.map((l) => `- ${l}`), ''].join('\n');

export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    key: 'us2020',
    fileName: 'us-treasury-2020-07-09.txt',
    title: 'US Treasury press release of 9 July 2020: Global Magnitsky sanctions on a Xinjiang entity and officials',
    publisher: 'US Department of the Treasury',
    citation: 'https://home.treasury.gov/news/press-releases/sm1055 (9 July 2020)',
    credibility: 2,
    summary: [
      'Under Executive Order 13818 (Global Magnitsky), the Office of Foreign Assets Control designated the Xinjiang Public Security Bureau and four current or former officials: Chen Quanguo, Zhu Hailun, Wang Mingshan and Huo Liujun.',
      'The release connects the designations to serious human rights abuse against Uyghurs and other ethnic minorities in the Xinjiang Uyghur Autonomous Region, including mass arbitrary detention.',
      'Property and interests in property of the designated persons within US jurisdiction are blocked.',
    ],
  },
  {
    key: 'ofac',
    fileName: 'ofac-sdn-glomag-xinjiang.txt',
    title: 'OFAC SDN list (July 2021): Global Magnitsky entries for Xinjiang',
    publisher: 'US Treasury, Office of Foreign Assets Control',
    citation: 'Specially Designated Nationals list, legacy CSV files (sdn.csv, alt.csv, add.csv), programme GLOMAG, as published in July 2021',
    credibility: 1,
    summary: [
      '29159 XINJIANG PUBLIC SECURITY BUREAU; a.k.a. XINJIANG BUREAU OF PUBLIC SECURITY; a.k.a. PUBLIC SECURITY DEPARTMENT OF XINJIANG UYGAR AUTONOMOUS REGION; a.k.a. PUBLIC SECURITY DEPARTMENT OF XUAR; a.k.a. PUBLIC SECURITY DEPARTMENT OF THE AUTONOMOUS REGION; address Xinjiang, China.',
      '29220 CHEN, Quanguo: DOB 1955; POB Pingyu, Henan, China; address Xinjiang, China.',
      '29219 ZHU, Hailun: DOB Jan 1958; POB Lianshui, Jiangsu, China; address Xinjiang, China.',
      '29162 WANG, Mingshan: DOB Jan 1964; POB Wuwei, Gansu, China; address Xinjiang, China.',
      '29160 HUO, Liujun: DOB 1952; address Xinjiang, China.',
      '31492 WANG, Junzheng: DOB May 1963; POB Linyi City, Shandong Province, China; nationality China; address Urumqi, Xinjiang, China; linked to the Xinjiang Production and Construction Corps.',
      '31493 CHEN, Mingguo: DOB Oct 1966; POB Yilong, Sichuan, China; nationality China; address Xinjiang, China; linked to the Xinjiang Public Security Bureau.',
    ],
  },
  {
    key: 'eu2021',
    fileName: 'eu-2021-478.txt',
    title: 'Council Implementing Regulation (EU) 2021/478 of 22 March 2021 (OJ L 99 I, 22.3.2021, p. 1)',
    publisher: 'Council of the European Union',
    citation: 'OJ L 99 I, 22.3.2021, p. 1; https://eur-lex.europa.eu/eli/reg_impl/2021/478/oj',
    credibility: 2,
    summary: [
      'Implements Regulation (EU) 2020/1998 (the EU Global Human Rights Sanctions Regime) by adding four natural persons and one entity to its annex: Zhu Hailun (朱海仑), Wang Junzheng (王君正), Wang Mingshan (王明山), Chen Mingguo (陈明国), and the Public Security Bureau of the Xinjiang Production and Construction Corps.',
      'The statements of reasons in the annex hold them responsible for serious human rights violations in Xinjiang, in particular large-scale arbitrary detention and degrading treatment of Uyghurs and people from other Muslim ethnic minorities, and systematic violations of their freedom of religion or belief.',
      'The annex gives for each person the positions held in the regional Party, government and security apparatus, and the date and place of birth.',
    ],
  },
  {
    key: 'uk2021',
    fileName: 'uk-2021-03-22.txt',
    title: 'UK designations of 22 March 2021 under the Global Human Rights Sanctions Regulations 2020',
    publisher: 'UK Foreign, Commonwealth & Development Office; HM Treasury (OFSI)',
    citation: 'FCDO announcement and OFSI financial sanctions notice (Global Human Rights), 22 March 2021',
    credibility: 2,
    summary: [
      'The UK designated Zhu Hailun, Wang Junzheng, Wang Mingshan, Chen Mingguo and the Xinjiang Production and Construction Corps Public Security Bureau, acting together with the EU, Canada and the US.',
      'The designations are made in connection with serious human rights violations against Uyghurs and other minorities in Xinjiang, including arbitrary detention; the measures are an asset freeze and, for the persons, a travel ban.',
    ],
  },
  {
    key: 'ca2021',
    fileName: 'canada-2021-03-22.txt',
    title: 'Canadian sanctions of 22 March 2021 under the Special Economic Measures Act (People’s Republic of China)',
    publisher: 'Government of Canada, Global Affairs Canada',
    citation: 'Special Economic Measures (People’s Republic of China) Regulations, SOR/2021-49, and the Government of Canada statement of 22 March 2021',
    credibility: 2,
    summary: [
      'Canada listed Zhu Hailun, Wang Junzheng, Wang Mingshan, Chen Mingguo and the Xinjiang Production and Construction Corps Public Security Bureau, in coordination with the UK, the EU and the US.',
      'The listings are made in response to gross and systematic human rights violations against Uyghurs and other Muslim minorities in Xinjiang.',
    ],
  },
];

export const DEMO_CASE: CaseFields = {
  title: 'デモ：新疆に関する指定（2020〜2021年）— Demo: Xinjiang designations, 2020–2021',
  country: 'CN',
  situation: 'Xinjiang Uyghur Autonomous Region, 2017–2021',
  summary: [
    'Demo — built from public sources; not an investigation.',
    '',
    'This case is built by Casebench from published facts only, to show the workflow from intake to a draft proposal. On 9 July 2020 the United States designated the Xinjiang Public Security Bureau and four officials under its Global Magnitsky programme; on 22 March 2021 the European Union, the United Kingdom and Canada together designated four officials and the Public Security Bureau of the Xinjiang Production and Construction Corps. Zhu Hailun and Wang Mingshan were designated by all four partners, on different dates and under different regimes (the OFAC list also holds Wang Junzheng and Chen Mingguo). Japan designated none of them: the coordination gap this workbench exists to make visible.',
    '',
    'The evidence items are short notes written by Casebench citing each public source; no victims or witnesses are recorded. The findings summarise the designating authorities’ public statements of reasons and are not independent conclusions.',
  ].join('\n'),
};

export type AllegationKey = 'detention' | 'religion';

export interface DemoAllegation {
  key: AllegationKey;
  category: ConductCategoryCode;
  period: FuzzyDate;
  place: string;
  narrative: string;
  /** The sources whose statements describe this conduct (linked as supporting, cited in the finding). */
  sources: SourceKey[];
  /** The finding, in our words: paragraphs of words and exhibit references. */
  finding: Paragraph[];
}

/** A paragraph of a finding or statement of reasons: words, and references to the sources' exhibits. */
export type Paragraph = readonly (string | { exhibit: SourceKey })[];

const DEMO_CAVEAT: Paragraph = [
  'Demo: this finding rests only on the designating authorities’ published statements, which are their conclusions and have not been tested here. A real case rests on preserved primary evidence, each item graded and linked.',
];

export const DEMO_ALLEGATIONS: readonly DemoAllegation[] = [
  {
    key: 'detention',
    category: 'arbitrary_detention',
    period: { precision: 'range', from: '2017', to: '2021' },
    place: 'Xinjiang Uyghur Autonomous Region, China',
    narrative:
      'Summarised from the designating authorities’ public statements (US Treasury, 9 July 2020; EU, UK and Canada, 22 March 2021): large-scale arbitrary detention of Uyghurs and people from other Muslim ethnic minorities in Xinjiang, with degrading treatment of those detained. The statements attribute responsibility to the public security organs of the region and of the Xinjiang Production and Construction Corps, and to the officials who directed them. No victims or witnesses are recorded in this demo.',
    sources: ['us2020', 'eu2021', 'uk2021', 'ca2021'],
    finding: [
      [
        'Standard: reasonable grounds to suspect. Four partners designated persons and entities for this conduct and stated their reasons publicly: the United States on 9 July 2020 (',
        { exhibit: 'us2020' },
        '), and the European Union (',
        { exhibit: 'eu2021' },
        '), the United Kingdom (',
        { exhibit: 'uk2021' },
        ') and Canada (',
        { exhibit: 'ca2021' },
        ') on 22 March 2021. Their accounts agree on the conduct: large-scale arbitrary detention of Uyghurs and other Muslim minorities in Xinjiang.',
      ],
      DEMO_CAVEAT,
    ],
  },
  {
    key: 'religion',
    category: 'freedom_of_religion',
    period: { precision: 'range', from: '2017', to: '2021' },
    place: 'Xinjiang Uyghur Autonomous Region, China',
    narrative:
      'Summarised from the European Union’s statements of reasons of 22 March 2021: systematic violations of the freedom of religion or belief of Uyghurs and people from other Muslim ethnic minorities in Xinjiang. No victims or witnesses are recorded in this demo.',
    sources: ['eu2021'],
    finding: [
      [
        'Standard: reasonable grounds to suspect. The European Union’s statements of reasons (',
        { exhibit: 'eu2021' },
        ') describe the violations of freedom of religion or belief as systematic, which brings them within the regime’s scope for widespread or systematic conduct.',
      ],
      DEMO_CAVEAT,
    ],
  },
];
