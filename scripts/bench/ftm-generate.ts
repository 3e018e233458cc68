/**
 * Writes an N-entity FollowTheMoney JSON lines file in OpenSanctions' shape for the list-import
 * benchmark, from the shapes of the real fixture lists: real names (Latin, Cyrillic, Arabic, CJK,
 * katakana) recombined across entries, 0–40 aliases, birth dates of every precision, nationalities,
 * passports and other identifiers, addresses and positions from the fixtures; Sanctions by one to
 * four authorities with their real programme names, before or after their entity. Streamed to disk;
 * the same seed gives the same file.
 *
 *   npx tsx scripts/bench/ftm-generate.ts <out.ftm.json> [entities=1000000] [seed]
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesignationEntry } from '../../shared/domain/designations';
import { ftmDates } from '../../main/services/subject-ftm';
import { parseCaSemaXml } from '../../main/lists/ca-sema-xml';
import { parseEuFsfXml } from '../../main/lists/eu-fsf-xml';
import { FTM_AUTHORITIES, type FtmAuthority } from '../../main/lists/ftm-write';
import { parseJpMofXlsx } from '../../main/lists/jp-mof-xlsx';
import { parseOfacCsv } from '../../main/lists/ofac-csv';
import { fixture } from '../../main/lists/test-fixtures';
import { parseUkXml } from '../../main/lists/uk-xml';
import { parseUnXml } from '../../main/lists/un-xml';
import { seededRandom } from '../../main/test-support/seeded-random';

type Rng = ReturnType<typeof seededRandom>;

/**
 * The fixtures hold no name in Burmese script, only their romanisations; these are the Burmese
 * spellings of two of the real Burma entries' names (OFAC 27225 HLAING, Min Aung; 27226 WIN, Soe),
 * split into their syllables so they recombine like the others.
 */
const BURMESE_SYLLABLES = ['မင်း', 'အောင်', 'လှိုင်', 'စိုး', 'ဝင်း'];

/** Australia's regimes: no Australian list is among the fixtures. */
const AU_PROGRAMMES = ['Autonomous Sanctions (Myanmar)', 'Autonomous Sanctions (Russia)', 'Thematic Sanctions (Serious Violations or Abuses of Human Rights)'];

interface Pools {
  given: string[];
  family: string[];
  organisations: string[];
  /** Whole names in a non-Latin script, by script. */
  scripts: Record<'cyrl' | 'arab' | 'kana' | 'han', string[]>;
  programmes: Record<string, string[]>;
  countries: string[];
  documents: Record<'passport' | 'national_id' | 'tax_id' | 'registration' | 'imo', string[]>;
  addresses: string[];
  places: string[];
  positions: string[];
  remarks: string[];
  births: string[][];
}

export async function loadPools(): Promise<Pools> {
  const full = (f: string) => fixture('us-ofac-sdn', 'full-2021-07', f);
  const lists: { entries: DesignationEntry[]; authority: string }[] = [
    { authority: 'UN', entries: (await parseUnXml(fixture('un', 'un_consolidated_2020-03-20.xml'))).entries },
    { authority: 'US', entries: (await parseOfacCsv({ sdn: full('sdn.csv.gz'), alt: full('alt.csv'), add: full('add.csv') })).entries },
    { authority: 'JP', entries: (await parseJpMofXlsx(fixture('jp-mof', 'shisantouketsu20260305.xlsx'))).entries },
    { authority: 'CA', entries: (await parseCaSemaXml(fixture('canada', 'sema-lmes_2020-04.xml'))).entries },
    { authority: 'UK', entries: (await parseUkXml(fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml'))).entries },
    { authority: 'EU', entries: (await parseEuFsfXml(fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml'))).entries },
  ];
  const set = () => new Set<string>();
  const s = {
    given: set(), family: set(), organisations: set(), cyrl: set(), arab: set(), kana: set(), han: set(),
    countries: set(), addresses: set(), places: set(), positions: set(), remarks: set(),
    passport: set(), national_id: set(), tax_id: set(), registration: set(), imo: set(),
  };
  const programmes: Record<string, Set<string>> = {};
  const births: string[][] = [];
  for (const { entries, authority } of lists) {
    const prog = (programmes[authority] ??= set());
    for (const e of entries) {
      for (const p of e.programmes) prog.add(p);
      for (const n of e.names) {
        if (n.script === 'latn') {
          if (n.parts?.given && n.parts.family) {
            s.given.add(n.parts.given);
            s.family.add(n.parts.family);
          } else if (n.parts?.numbered && n.parts.numbered.length > 1) {
            s.given.add(n.parts.numbered.slice(0, -1).join(' '));
            s.family.add(n.parts.numbered[n.parts.numbered.length - 1]!);
          } else if (e.type !== 'person') s.organisations.add(n.value);
        } else if (n.script === 'cyrl') s.cyrl.add(n.value);
        else if (n.script === 'arab') s.arab.add(n.value);
        else if (n.script === 'jpan_kana') s.kana.add(n.value);
        else if (/^\p{Script=Han}{2,4}$/u.test(n.value)) s.han.add(n.value);
      }
      for (const nat of e.nationalities) if (nat.country) s.countries.add(nat.country.toLowerCase());
      for (const a of e.addresses) s.addresses.add(a.text);
      for (const p of e.placesOfBirth) s.places.add(p.text);
      for (const p of e.positions) s.positions.add(p);
      for (const r of e.remarks) s.remarks.add(r.slice(0, 400));
      for (const i of e.identifiers) if (i.type !== 'other') s[i.type].add(i.value);
      const dates = e.datesOfBirth.flatMap((d) => ftmDates(d.value));
      if (dates.length) births.push(dates);
    }
  }
  const arr = (x: Set<string>) => [...x];
  return {
    given: arr(s.given),
    family: arr(s.family),
    organisations: arr(s.organisations),
    scripts: { cyrl: arr(s.cyrl), arab: arr(s.arab), kana: arr(s.kana), han: arr(s.han) },
    programmes: { ...Object.fromEntries(Object.entries(programmes).map(([k, v]) => [k, arr(v)])), AU: AU_PROGRAMMES, CH: ['Myanmar', 'Russia', 'Syria'] },
    countries: arr(s.countries),
    documents: { passport: arr(s.passport), national_id: arr(s.national_id), tax_id: arr(s.tax_id), registration: arr(s.registration), imo: arr(s.imo) },
    addresses: arr(s.addresses),
    places: arr(s.places),
    positions: arr(s.positions),
    remarks: arr(s.remarks),
    births,
  };
}

/** Two real names of one script made into a third: the head of one, the tail of the other. */
function recombine(rng: Rng, pool: string[]): string {
  const a = rng.pick(pool);
  const b = rng.pick(pool);
  const sep = /[・·]/.exec(a)?.[0] ?? ' ';
  const split = (v: string) => v.split(/[\s・·]+/).filter(Boolean);
  const pa = split(a);
  const pb = split(b);
  if (pa.length < 2 || pb.length < 2) {
    // Han names without separators: the family name is the first character.
    return /^\p{Script=Han}+$/u.test(a) && /^\p{Script=Han}+$/u.test(b) ? a[0]! + b.slice(1) : a;
  }
  return [...pa.slice(0, -1), pb[pb.length - 1]].join(sep);
}

function scriptedName(rng: Rng, pools: Pools): string {
  const roll = rng.next();
  if (roll < 0.3) return recombine(rng, pools.scripts.cyrl);
  if (roll < 0.55) return recombine(rng, pools.scripts.arab);
  if (roll < 0.8) return recombine(rng, pools.scripts.kana);
  if (roll < 0.95) return recombine(rng, pools.scripts.han);
  return Array.from({ length: rng.int(2, 3) }, () => rng.pick(BURMESE_SYLLABLES)).join('');
}

function aliasCount(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.4) return 0;
  if (roll < 0.7) return rng.int(1, 3);
  if (roll < 0.9) return rng.int(4, 10);
  if (roll < 0.99) return rng.int(11, 30);
  return 40;
}

function birthDates(rng: Rng, pools: Pools): string[] {
  const roll = rng.next();
  const year = rng.int(1930, 2000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (roll < 0.4) return rng.pick(pools.births); // a real entry's dates of birth, as written to FtM
  if (roll < 0.65) return [`${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`];
  if (roll < 0.72) return [`${year}-${pad(rng.int(1, 12))}`];
  if (roll < 0.85) return [String(year)];
  if (roll < 0.9) return Array.from({ length: rng.int(2, 5) }, (_, i) => String(year + i)); // "between" years
  if (roll < 0.94) return [`${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, `${year + 1}-01-01`];
  return [];
}

const SCHEMAS: [number, string][] = [
  [0.65, 'Person'],
  [0.8, 'Organization'],
  [0.9, 'Company'],
  [0.94, 'LegalEntity'],
  [0.98, 'Vessel'],
  [1, 'Airplane'],
];
const PARTNERS = ['US', 'UK', 'EU', 'CA', 'AU', 'UN', 'JP'] as const;

interface Line {
  id: string;
  caption?: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  first_seen?: string;
  last_seen?: string;
  target: boolean;
}

function entity(rng: Rng, pools: Pools, id: string): Line {
  const r = rng.next();
  const schema = SCHEMAS.find(([p]) => r <= p)![1];
  const props: Record<string, string[]> = {};
  const add = (prop: string, ...values: string[]) => {
    const list = (props[prop] ??= []);
    for (const v of values) if (v && !list.includes(v)) list.push(v);
  };
  let caption: string;
  if (schema === 'Person') {
    const given = rng.pick(pools.given);
    const family = rng.pick(pools.family);
    caption = `${given} ${family}`;
    add('name', caption, `${family.toUpperCase()}, ${given}`);
    if (rng.chance(0.35)) add('name', scriptedName(rng, pools));
    add('firstName', given);
    add('lastName', family);
    add('birthDate', ...birthDates(rng, pools));
    if (rng.chance(0.4)) add('birthPlace', rng.pick(pools.places));
    for (let i = rng.int(0, 2); i > 0; i--) add('nationality', rng.pick(pools.countries));
    if (rng.chance(0.1)) add('citizenship', rng.pick(pools.countries));
    if (rng.chance(0.3)) add('passportNumber', rng.pick(pools.documents.passport));
    if (rng.chance(0.2)) add('idNumber', rng.pick(pools.documents.national_id));
    if (rng.chance(0.05)) add('taxNumber', rng.pick(pools.documents.tax_id));
    if (rng.chance(0.3)) add('position', rng.pick(pools.positions));
    add('gender', rng.pick(['male', 'female']));
  } else {
    caption = rng.pick(pools.organisations);
    add('name', caption);
    if (rng.chance(0.2)) add('name', scriptedName(rng, pools));
    for (let i = rng.int(0, 1); i > 0; i--) add('country', rng.pick(pools.countries));
    if (schema === 'Vessel') {
      add('imoNumber', `IMO ${rng.pick(pools.documents.imo)}`);
      add('flag', rng.pick(pools.countries));
    } else if (rng.chance(0.4)) add('registrationNumber', rng.pick(pools.documents.registration));
    if (rng.chance(0.05)) add('innCode', rng.pick(pools.documents.tax_id));
  }
  for (let i = aliasCount(rng); i > 0; i--) {
    const roll = rng.next();
    const value =
      schema === 'Person'
        ? roll < 0.6
          ? `${rng.pick(pools.given)} ${rng.pick(pools.family)}`
          : scriptedName(rng, pools)
        : roll < 0.7
          ? rng.pick(pools.organisations)
          : scriptedName(rng, pools);
    add(rng.chance(0.2) ? 'weakAlias' : rng.chance(0.05) ? 'previousName' : 'alias', value);
  }
  if (rng.chance(0.4)) add('address', rng.pick(pools.addresses));
  if (rng.chance(0.3)) add('notes', rng.pick(pools.remarks));
  add('topics', 'sanction');
  return { id, caption, schema, properties: props, datasets: ['casebench_bench'], first_seen: '2024-01-15T08:00:00', last_seen: '2026-08-01T06:00:00', target: true };
}

function sanctions(rng: Rng, pools: Pools, entityId: string): Line[] {
  const roll = rng.next();
  const count = roll < 0.7 ? 1 : roll < 0.9 ? 2 : rng.int(3, 4);
  const authorities = new Set<string>();
  while (authorities.size < count) authorities.add(rng.pick(PARTNERS));
  if (rng.chance(0.02)) authorities.add('CH');
  return [...authorities].map((key, j): Line => {
    const authority: FtmAuthority = FTM_AUTHORITIES[key as keyof typeof FTM_AUTHORITIES];
    const year = rng.int(2000, 2026);
    const date = rng.chance(0.9) ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : String(year);
    const programmes = pools.programmes[key] ?? [];
    const props: Record<string, string[]> = { entity: [entityId], authority: [authority.label] };
    if (authority.country) props.country = [authority.country];
    if (programmes.length) props.program = [...new Set([rng.pick(programmes), ...(rng.chance(0.2) ? [rng.pick(programmes)] : [])])];
    props[rng.chance(0.5) ? 'listingDate' : 'startDate'] = [date];
    return { id: `${entityId}-s${j}`, caption: 'Sanction', schema: 'Sanction', properties: props, datasets: ['casebench_bench'], target: false };
  });
}

export interface Generated {
  entities: number;
  sanctions: number;
  lines: number;
  bytes: number;
}

/** Writes `count` designated entities with their Sanctions (and some other lines) to `file`. */
export async function generateFtm(file: string, count: number, seed = 20260805, pools?: Pools): Promise<Generated> {
  const p = pools ?? (await loadPools());
  const rng = seededRandom(seed);
  const out = fs.createWriteStream(file, { highWaterMark: 4 * 1024 * 1024 });
  let buffer = '';
  let bytes = 0;
  let lines = 0;
  let sanctionCount = 0;
  // Sanctions held back to be written a few entities after theirs.
  const later: { due: number; line: Line }[] = [];
  const write = async (line: Line) => {
    buffer += JSON.stringify(line) + '\n';
    lines += 1;
    if (buffer.length > 1024 * 1024) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  for (let i = 0; i < count; i++) {
    const id = `NK-${seed.toString(36)}${i.toString(36).padStart(7, '0')}`;
    const own = sanctions(rng, p, id);
    sanctionCount += own.length;
    const before = rng.chance(0.5);
    if (before) for (const s of own) await write(s);
    await write(entity(rng, p, id));
    if (!before) for (const s of own) later.push({ due: i + rng.int(0, 50), line: s });
    if (rng.chance(0.03)) {
      await write({ id: `addr-${id}`, schema: 'Address', properties: { full: [rng.pick(p.addresses)] }, datasets: ['casebench_bench'], target: false });
    }
    while (later.length && (later[0]!.due <= i || later.length > 200)) await write(later.shift()!.line);
  }
  for (const { line } of later) await write(line);
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, 'finish');
  return { entities: count, sanctions: sanctionCount, lines, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, n, seed] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx scripts/bench/ftm-generate.ts <out.ftm.json> [entities=1000000] [seed]');
    process.exit(2);
  }
  const start = performance.now();
  generateFtm(file, Number(n ?? 1_000_000), seed ? Number(seed) : undefined)
    .then((g) => console.log(`${g.entities} entities, ${g.sanctions} sanctions, ${g.lines} lines, ${(g.bytes / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - start) / 1000).toFixed(1)} s`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
