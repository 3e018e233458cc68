/**
 * Workspace search over evidence text at scale (issue "The case file"): p95 of 'search.query'
 * (evidence, ranked top 20) over 100,000 items carrying ~1 GB of extracted text, for rare,
 * mid-frequency and very common terms in Japanese and English, each against the floor of the index
 * measured in the same run: `SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? LIMIT 20`
 * on a separate read-only connection (no ranking, no snippet, no count, no join).
 *
 * Scale by env: CASEBENCH_BENCH_SEARCH_ITEMS (default 100000), CASEBENCH_BENCH_SEARCH_TEXT_MB
 * (default 1000, UTF-8 megabytes of extracted text in total), CASEBENCH_BENCH_SEARCH_ROUNDS
 * (default 10 timed repetitions of every term), CASEBENCH_BENCH_SEARCH_KEEP=1 keeps the workspace,
 * CASEBENCH_BENCH_SEARCH_WORKSPACE=<dir> measures a workspace kept earlier without seeding again.
 *
 * Seeding does not go through the import path (100k vault files would take too long). Rows are
 * written as the services write them, with the same SQL: evidence-service's insertItem and
 * nextExhibit (not exported, so mirrored here), appendCustody (exported, reused) for the 'imported'
 * custody entry, and extract-text's extractAndStore (mirrored) for evidence_text and the
 * extraction status. The FTS rows are written by migration 002's triggers, as in the app.
 * Timings are reported, never asserted.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createCase } from '../../main/services/case-service';
import type { ServiceContext } from '../../main/services/context';
import { setIdentity } from '../../main/services/identity-service';
import { ftsMatchQuery } from '../../main/search/fts';
import { appendCustody, GENESIS } from '../../main/vault/custody';
import { openWorkbench } from '../../main/workbench';
import { DATABASE_FILE, openWorkspace } from '../../main/workspace/open-workspace';
import { percentile, report, sample, type Measure } from './stats';

const GOAL_MS = 50;

export interface SearchBenchOptions {
  items?: number;
  textMb?: number;
  rounds?: number;
  keep?: boolean;
  /** A workspace seeded (and kept) by an earlier run with the same sizes: measure only. */
  reuse?: string;
  log?: (line: string) => void;
}

const envNumber = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Deterministic pseudo-random numbers (xorshift32), so every run seeds the same workspace. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: real high-frequency words at the head, generated words for the long tail, Zipf ranks.

const EN_HEAD = [
  'the', 'of', 'and', 'to', 'in', 'a', 'was', 'that', 'were', 'by', 'for', 'he', 'on', 'with', 'they', 'said',
  'detention', 'police', 'at', 'from', 'his', 'had', 'camp', 'not', 'we', 'officers', 'as', 'their', 'into', 'after',
  'security', 'there', 'people', 'family', 'authorities', 'government', 'village', 'were', 'detained', 'interrogation',
  'released', 'prison', 'forced', 'labour', 'soldiers', 'beaten', 'witness', 'report', 'region', 'military',
];
const EN_ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'ch', 'cl', 'dr', 'gr', 'pr', 'sh', 'st', 'th', 'tr'];
const EN_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const EN_CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ng', 'ck'];

const JA_HEAD = [
  'の', 'に', 'は', 'を', 'が', 'で', 'と', 'た', 'して', 'いる', 'こと', 'について', 'している', 'された', 'ました',
  'また', 'その', 'ため', '収容所', '拘束', '警察', '当局', '家族', '証言', '政府', '施設', '強制労働', '取り調べ',
  '釈放', '拘禁', '住民', '地域', '報告', 'によると', 'これらの', '兵士', '暴行', '尋問', '刑務所', '村',
];
const KANJI = [...'人日国年大中会事出時行見月後前生間上東部本分者地方新場合内所同業政発手体道法全学定実問家的意市開力代成対期関制連現当社理決動公通化立約経議主活数記物外務長点電向労権教戦性正元報保平変加持特取相判際産済口強北調'];
const HIRAGANA = [...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん'];
const KATAKANA = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポー'];

interface Vocabulary {
  words: string[];
  bytes: number[];
  /** Zipf sampler: uniform index → word rank, resolution 1/TABLE. */
  table: Uint32Array;
}

const TABLE = 1 << 22;

function vocabulary(head: string[], size: number, make: () => string, s: number): Vocabulary {
  const words: string[] = [];
  const seen = new Set<string>();
  const add = (w: string) => {
    if (seen.has(w)) return;
    seen.add(w);
    words.push(w);
  };
  head.forEach(add);
  while (words.length < size) add(make());
  const weights = words.map((_, rank) => 1 / (rank + 1) ** s);
  const sum = weights.reduce((a, b) => a + b, 0);
  const table = new Uint32Array(TABLE);
  let cumulative = 0;
  let at = 0;
  for (let rank = 0; rank < words.length; rank++) {
    cumulative += weights[rank]! / sum;
    const upto = rank === words.length - 1 ? TABLE : Math.min(TABLE, Math.round(cumulative * TABLE));
    table.fill(rank, at, upto);
    at = Math.max(at, upto);
  }
  return { words, bytes: words.map((w) => Buffer.byteLength(w)), table };
}

function englishVocabulary(random: () => number): Vocabulary {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  return vocabulary(
    EN_HEAD,
    40_000,
    () => {
      const syllables = 1 + Math.floor(random() * 3) + (random() < 0.3 ? 1 : 0);
      let w = '';
      for (let i = 0; i < syllables; i++) w += pick(EN_ONSETS) + pick(EN_VOWELS) + pick(EN_CODAS);
      return w;
    },
    1.05,
  );
}

function japaneseVocabulary(random: () => number): Vocabulary {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  return vocabulary(
    JA_HEAD,
    40_000,
    () => {
      const r = random();
      if (r < 0.25) {
        // A katakana name or loanword: 3–7 characters.
        let w = '';
        const n = 3 + Math.floor(random() * 5);
        for (let i = 0; i < n; i++) w += pick(KATAKANA);
        return w;
      }
      // A kanji compound (2–4), sometimes with okurigana.
      let w = '';
      const n = 2 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) w += pick(KANJI);
      if (random() < 0.3) w += pick(HIRAGANA);
      return w;
    },
    1.05,
  );
}

// ---------------------------------------------------------------------------------------------
// Rare terms, planted in a handful of items each (and nowhere else: checked after seeding).

const RARE_EN = ['Zhaksylykova', 'Kyrgyzstroikomplekt', 'Meridian Shipping Ltd'];
const RARE_JA = ['ヌルジャン・ベコワ', '東方翡翠貿易有限公司', '第七再教育施設'];
const RARE_PLANTS = 5;

/** Query terms per class and language; mid terms are chosen from the vocabulary after it is built. */
function queryTerms(en: Vocabulary, ja: Vocabulary) {
  const midOf = (v: Vocabulary, minChars: number) =>
    [400, 1200, 3000].map((rank) => v.words.slice(rank).find((w) => [...w].length >= minChars && !w.includes(' ')) as string);
  return [
    { cls: 'rare', lang: 'en', terms: RARE_EN },
    { cls: 'rare', lang: 'ja', terms: RARE_JA },
    { cls: 'mid', lang: 'en', terms: midOf(en, 6) },
    { cls: 'mid', lang: 'ja', terms: midOf(ja, 3) },
    { cls: 'common', lang: 'en', terms: ['the', 'detention', 'police officers'] },
    { cls: 'common', lang: 'ja', terms: ['について', '収容所', 'している'] },
  ] as const;
}

// ---------------------------------------------------------------------------------------------

/** Item sizes: log-normal (many short notes, a few long reports), scaled to the total. */
function itemSizes(items: number, totalBytes: number, random: () => number): number[] {
  const raw: number[] = [];
  for (let i = 0; i < items; i++) {
    const u = Math.max(1e-12, random());
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    raw.push(Math.exp(1.1 * normal));
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => Math.max(200, Math.min(2_000_000, Math.round((r / sum) * totalBytes))));
}

function generateText(targetBytes: number, main: Vocabulary, other: Vocabulary, japanese: boolean, random: () => number): string {
  const parts: string[] = [];
  let bytes = 0;
  let inSentence = 0;
  const sentenceLength = japanese ? 18 : 14;
  while (bytes < targetBytes) {
    // 1 word in 12 comes from the other language: names, places, quoted terms.
    const v = random() < 1 / 12 ? other : main;
    const rank = v.table[Math.floor(random() * TABLE)]!;
    const word = v.words[rank]!;
    if (japanese) {
      parts.push(v === main ? word : ` ${word} `);
      bytes += v.bytes[rank]! + (v === main ? 0 : 2);
    } else {
      parts.push(word, ' ');
      bytes += v.bytes[rank]! + 1;
    }
    if (++inSentence >= sentenceLength && random() < 0.3) {
      parts.push(japanese ? '。' : '. ');
      bytes += japanese ? 3 : 2;
      inSentence = 0;
    }
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------

interface Seeded {
  items: number;
  textBytes: number;
  seconds: number;
  dbBytes: number;
}

function vocabularies() {
  const random = rng(20_260_301);
  const en = englishVocabulary(random);
  const ja = japaneseVocabulary(random);
  return { random, en, ja, terms: queryTerms(en, ja) };
}

function seed(ctx: ServiceContext, items: number, textBytes: number, log: (line: string) => void): Seeded {
  const { random, en, ja } = vocabularies();
  const sizes = itemSizes(items, textBytes, random);
  const plants = new Map<number, string[]>();
  for (const term of [...RARE_EN, ...RARE_JA]) {
    for (let k = 0; k < RARE_PLANTS; k++) {
      const at = Math.floor(random() * items);
      plants.set(at, [...(plants.get(at) ?? []), term]);
    }
  }

  const start = performance.now();
  const caseCount = Math.max(1, Math.round(items / 1000));
  const cases = Array.from({ length: caseCount }, (_, i) =>
    createCase(ctx, { title: `Bench case ${i}`, country: 'CN', situation: 'Xinjiang', summary: 'Benchmark evidence' }).id,
  );

  // evidence-service nextExhibit, insertItem (and touchCase); extract-text extractAndStore: same SQL.
  const nextExhibit = ctx.db
    .prepare(
      `INSERT INTO evidence_counters (case_id, last) VALUES (?, 1)
       ON CONFLICT (case_id) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .pluck();
  const insertItem = ctx.db.prepare(
    `INSERT INTO evidence_items (id, case_id, seq, kind, title, description, original_name, media_type, size, sha256,
       obtained_at, obtained_how, source, collected_by, source_reliability, information_credibility, tags, notes,
       extraction_status, custody_head, created_at, updated_at)
     VALUES (@id, @caseId, @seq, @kind, @title, @description, @originalName, @mediaType, @size, @sha256,
       @obtainedAt, @obtainedHow, @source, @collectedBy, @sourceReliability, @informationCredibility, @tags, @notes,
       @extraction, @genesis, @now, @now)`,
  );
  const touchCase = ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?');
  const storeText = ctx.db.prepare(
    'INSERT INTO evidence_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text',
  );
  const setExtraction = ctx.db.prepare('UPDATE evidence_items SET extraction_status = ?, extraction_error = ? WHERE id = ?');

  const BATCH = 500;
  let written = 0;
  let lastLog = start;
  for (let first = 0; first < items; first += BATCH) {
    ctx.db.transaction(() => {
      for (let i = first; i < Math.min(items, first + BATCH); i++) {
        const japanese = i % 2 === 0;
        let text = japanese ? generateText(sizes[i]!, ja, en, true, random) : generateText(sizes[i]!, en, ja, false, random);
        for (const term of plants.get(i) ?? []) {
          const at = Math.floor(random() * text.length);
          text = `${text.slice(0, at)} ${term} ${text.slice(at)}`;
        }
        const bytes = Buffer.byteLength(text);
        const caseId = cases[i % caseCount]!;
        const name = japanese ? `調書-${i}.txt` : `statement-${i}.txt`;
        const sha256 = createHash('sha256').update(`bench-${i}`).digest('hex');
        const id = uuidv7();
        const seq = nextExhibit.get(caseId) as number;
        const now = ctx.now();
        insertItem.run({
          id,
          caseId,
          seq,
          kind: 'file',
          title: name,
          description: '',
          originalName: name,
          mediaType: 'text/plain',
          size: bytes,
          sha256,
          obtainedAt: null,
          obtainedHow: '',
          source: '',
          collectedBy: '',
          sourceReliability: null,
          informationCredibility: null,
          tags: '[]',
          notes: '',
          extraction: 'none',
          genesis: GENESIS,
          now,
        });
        appendCustody(ctx.db, {
          itemId: id,
          at: now,
          actor: ctx.actor,
          kind: 'imported',
          details: { originalName: name, size: bytes, mediaType: 'text/plain' },
          hashBefore: null,
          hashAfter: sha256,
        });
        touchCase.run(now, caseId);
        storeText.run(id, text);
        setExtraction.run('ok', null, id);
        written += bytes;
      }
    })();
    if (performance.now() - lastLog > 30_000) {
      lastLog = performance.now();
      const done = Math.min(items, first + BATCH);
      log(`  … ${done.toLocaleString('en')} items, ${(written / 1e6).toFixed(0)} MB in ${((lastLog - start) / 1000).toFixed(0)} s`);
    }
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - start) / 1000;
  return { items, textBytes: written, seconds, dbBytes: 0 };
}

function freeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

/**
 * Seeds a workspace in os.tmpdir() and measures 'search.query' (evidence only, limit 20) through
 * the router, per term class and language, against the floor of the index. Returns the measures
 * (already printed through `log`).
 */
export async function benchSearch(options: SearchBenchOptions = {}): Promise<Measure[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const items = Math.round(options.items ?? envNumber('CASEBENCH_BENCH_SEARCH_ITEMS', 100_000));
  const textMb = options.textMb ?? envNumber('CASEBENCH_BENCH_SEARCH_TEXT_MB', 1000);
  const rounds = Math.round(options.rounds ?? envNumber('CASEBENCH_BENCH_SEARCH_ROUNDS', 10));
  const reuse = options.reuse ?? process.env.CASEBENCH_BENCH_SEARCH_WORKSPACE;
  const keep = reuse ? true : (options.keep ?? process.env.CASEBENCH_BENCH_SEARCH_KEEP === '1');
  const textBytes = textMb * 1e6;

  // Extracted text is stored twice (evidence_text and the FTS table's own content) plus a trigram
  // index of roughly 2–3× the text; the WAL and FTS merges need headroom on top.
  const needed = textBytes * 7 + 1e9;
  const free = freeBytes(os.tmpdir());
  if (!reuse && free < needed) {
    log(`search bench skipped: ${(free / 1e9).toFixed(1)} GB free in ${os.tmpdir()}, about ${(needed / 1e9).toFixed(1)} GB needed for ${textMb} MB of text`);
    return [];
  }

  const workspace = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-search-'));
  try {
    const { terms } = vocabularies();
    let seeded: Seeded;
    if (reuse) {
      const db = new Database(path.join(workspace, DATABASE_FILE), { readonly: true });
      const stored = db.prepare('SELECT count(*) AS n, sum(length(CAST(text AS BLOB))) AS bytes FROM evidence_text').get() as { n: number; bytes: number };
      db.close();
      seeded = { items: stored.n, textBytes: stored.bytes, seconds: 0, dbBytes: 0 };
      log(`search bench: measuring the workspace seeded earlier in ${workspace}`);
    } else {
    log(`search bench: seeding ${items.toLocaleString('en')} evidence items with ~${textMb.toLocaleString('en')} MB of extracted text (ja/en) in ${workspace}`);
    const ws = openWorkspace(workspace);
    const ctx = { db: ws.db, actor: 'bench', now: () => new Date().toISOString() };
    setIdentity(ctx, { name: 'Benchmark', organisation: '' });
    seeded = seed(ctx, items, textBytes, log);
    ws.close();
    log(`seeded ${seeded.items.toLocaleString('en')} items, ${(seeded.textBytes / 1e6).toFixed(0)} MB of text (UTF-8) in ${seeded.seconds.toFixed(1)} s`);
    }
    const dbBytes = fs.statSync(path.join(workspace, DATABASE_FILE)).size;
    log(`  database ${(dbBytes / 1e9).toFixed(2)} GB`);

    const bench = openWorkbench({ workspaceDir: workspace, appVersion: 'bench', actor: 'bench' });
    const raw = new Database(path.join(workspace, DATABASE_FILE), { readonly: true });
    // dbstat reads every page: minutes on the full-size workspace, so only on small ones.
    const sizes = dbBytes > 1e9 ? [] : raw
      .prepare(
        `SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN ('evidence_text', 'evidence_fts_content', 'evidence_fts_data', 'evidence_fts_docsize') GROUP BY name`,
      )
      .all() as { name: string; bytes: number }[];
    if (sizes.length) log(`  ${sizes.map((s) => `${s.name} ${(s.bytes / 1e9).toFixed(2)} GB`).join(', ')}`);

    const floor = raw.prepare('SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? LIMIT 20').pluck();
    const count = raw.prepare('SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH ?').pluck();
    // The same MATCH expression the provider builds from what was typed.
    const phrase = (term: string) => ftsMatchQuery(term) as string;
    const search = async (text: string) => {
      const result = await bench.router.invoke({ channel: 'search.query', input: { text, kinds: ['evidence'], limit: 20 } });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { groups: { total: number; hits: unknown[] }[] };
    };

    const measures: Measure[] = [];
    for (const { cls, lang, terms: classTerms } of terms) {
      const terms = [...classTerms];
      const docs = terms.map((t) => {
        const matches = count.get(phrase(t)) as number;
        return `${t} ${matches.toLocaleString('en')} (${((100 * matches) / seeded.items).toFixed(1)}%)`;
      });
      log(`  ${cls}/${lang} terms, items matching: ${docs.join('; ')}`);
      // Warm each path once (statement preparation, page cache), then interleave the rounds.
      for (const t of terms) {
        await search(t);
        floor.all(phrase(t));
      }
      const samples: number[] = [];
      const baseline: number[] = [];
      const perTerm = new Map<string, number[]>(terms.map((t) => [t, []]));
      for (let r = 0; r < rounds; r++) {
        for (const t of terms) {
          const [took] = await sample(1, () => search(t));
          samples.push(took!);
          perTerm.get(t)!.push(took!);
          baseline.push(...(await sample(1, () => floor.all(phrase(t)))));
        }
      }
      log(`  per term p50: ${terms.map((t) => `${t} ${percentile(perTerm.get(t)!, 50).toFixed(1)} ms`).join('; ')}`);
      const measure: Measure = {
        name: `service: search.query evidence top 20, ${cls} ${lang} (${terms.length} terms × ${rounds}; ${seeded.items.toLocaleString('en')} items, ${(seeded.textBytes / 1e6).toFixed(0)} MB text)`,
        samples,
        baseline,
        baselineName: 'FTS5 MATCH rowid LIMIT 20, no rank/snippet/count',
        goalMs: GOAL_MS,
      };
      log(report(measure));
      measures.push(measure);
    }
    raw.close();
    bench.close();
    const all = measures.flatMap((m) => m.samples);
    log(`search bench overall: p50 ${percentile(all, 50).toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms over ${all.length} queries`);
    return measures;
  } finally {
    if (keep) log(`search bench: workspace kept at ${workspace}`);
    else fs.rmSync(workspace, { recursive: true, force: true });
  }
}
