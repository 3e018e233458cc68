import fs from 'node:fs';
import type { DesignationEntry } from '../../shared/domain/designations';
import { afterAll, describe, expect, it } from 'vitest';
import { countingTurns } from '../test-support/loop-turns';
import { testContext } from '../test-support/service-context';
import { ListParseError } from './common';
import { ITEMS_PER_TURN, WORKER_BATCH, readHere, readInWorker, type ReadRequest } from './entry-stream';
import { prepareImport, runImport } from './list-import';
import { prepareRead } from './read-list';
import { KeyMemo, isSkipped, type ReadItem } from './prepared-entry';
import { fixture, removeTempFiles, tempFile, unListRepeated } from './test-fixtures';

/**
 * Big lists are read in a worker thread. No real fixture is big enough to be sent there by size,
 * so these tests ask for the worker by name, and compare it with reading in this thread.
 */
afterAll(removeTempFiles);

const OFAC_CSV = ['sdn.csv.gz', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) => ({ path: fixture('us-ofac-sdn', 'full-2021-07', name), name }));

/** The UN 2020 list three times over: 3,042 entries, two batches. */
const unTriple = () => tempFile('un-triple.xml', unListRepeated(3));

/** Items with the keys the worker left to the writer made as the writer makes them. */
function keyed(items: ReadItem[]): ReadItem[] {
  const memo = new KeyMemo();
  return items.map((item) => (isSkipped(item) || item.keys ? item : { ...item, keys: memo.of(item.names) }));
}

async function bothWays(request: ReadRequest) {
  const here: ReadItem[] = [];
  const hereOutcome = await readHere(prepareRead(request.files, request.format), () => true, (item) => here.push(item));
  const batches: number[] = [];
  const there: ReadItem[] = [];
  const thereOutcome = await readInWorker(request, (items) => {
    batches.push(items.length);
    there.push(...items);
  });
  return { here, hereOutcome, there: keyed(there), thereOutcome, batches };
}

describe('reading a list in a worker thread', () => {
  it('hands over what reading here gives, in the same order, in batches: the UN list three times over', async () => {
    const { here, hereOutcome, there, thereOutcome, batches } = await bothWays({ files: [{ path: unTriple(), name: 'un.xml' }], format: 'un_xml' });
    expect(here).toHaveLength(3042);
    expect(there).toEqual(here);
    expect(thereOutcome).toEqual(hereOutcome);
    // Taken ITEMS_PER_TURN at a time, a turn of the event loop each: 8 of a batch of 2,000, then 5 of the 1,042 left.
    const slices = (n: number) => [...Array<number>(Math.floor(n / ITEMS_PER_TURN)).fill(ITEMS_PER_TURN), ...(n % ITEMS_PER_TURN ? [n % ITEMS_PER_TURN] : [])];
    expect(batches).toEqual([...slices(WORKER_BATCH), ...slices(3042 - WORKER_BATCH)]);
    // Prepared as the store needs them: the row's values, the whole entry as JSON, the keys.
    const first = here[0]!;
    if (isSkipped(first)) throw new Error('the first record was skipped');
    const entry = JSON.parse(first.json) as DesignationEntry;
    expect(first).toMatchObject({ listRef: entry.listId, authority: 'UN', type: entry.type, programmes: JSON.stringify(entry.programmes), listedOn: entry.listedOn });
    expect(first.names).toEqual(entry.names.map((n) => n.value));
    expect(first.identifiers).toEqual(entry.identifiers.flatMap((id, i) => [i, id.value, id.type, id.country]));
    expect(first.keys).toEqual(new KeyMemo().of(first.names));
    expect(first.keys!.length).toBeGreaterThan(0);
  });

  it('reads a set of several files (the OFAC CSV set, sdn.csv gzipped) the same way, with its report', async () => {
    const { here, hereOutcome, there, thereOutcome } = await bothWays({ files: OFAC_CSV, format: 'ofac_csv' });
    expect(there.length).toBe(here.length);
    expect(there).toEqual(here);
    expect(thereOutcome.report).toEqual(hereOutcome.report);
    expect(thereOutcome.list).toMatchObject({ key: 'us-ofac-sdn', authority: 'US' });
  });

  it("fails with the reader's own error, file and line, as reading here does", async () => {
    const text = fs.readFileSync(unTriple(), 'utf8');
    const at = text.indexOf('<FIRST_NAME>', Math.floor(text.length * 0.85));
    const broken = tempFile('broken.xml', `${text.slice(0, at)}<FIRST_NAME>ALI</SECOND_NAME>${text.slice(at + '<FIRST_NAME>'.length)}`);
    const request: ReadRequest = { files: [{ path: broken, name: 'consolidated.xml' }], format: 'un_xml' };
    const hereError = await readHere(prepareRead(request.files, request.format), () => true, () => undefined).catch((e: unknown) => e);
    let handedOver = 0;
    const thereError = await readInWorker(request, (items) => (handedOver += items.length)).catch((e: unknown) => e);
    expect(hereError).toBeInstanceOf(ListParseError);
    expect(thereError).toBeInstanceOf(ListParseError);
    expect(thereError).toMatchObject({ file: 'consolidated.xml', fileKind: 'UN consolidated list XML', code: 'malformed', at: (hereError as ListParseError).at, note: (hereError as ListParseError).note, message: (hereError as ListParseError).message });
    expect((thereError as ListParseError).at).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    expect(handedOver).toBe(WORKER_BATCH); // the batch before the break was handed over as it was read
  });

  it('stops when the writer fails, with the writer’s error, and hands over nothing after it', async () => {
    const request: ReadRequest = { files: [{ path: unTriple(), name: 'un.xml' }], format: 'un_xml' };
    let calls = 0;
    const failure = new Error('disk full');
    await expect(
      readInWorker(request, () => {
        calls++;
        throw failure;
      }),
    ).rejects.toBe(failure);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toBe(1);
  });

  it('stops at once when aborted, even before any entry is read', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const reading = readInWorker({ files: [{ path: unTriple(), name: 'un.xml' }], format: 'un_xml' }, () => undefined, { signal: controller.signal });
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
  });

  describe('while the writer is slower than the reader (a slow disk)', () => {
    /** The UN list eight times over: 8,112 entries, five batches, each written in 250 ms: slower than the worker reads them. */
    const slowWriter = (items: number) => {
      const until = performance.now() + (250 * items) / WORKER_BATCH;
      while (performance.now() < until) {
        /* writing */
      }
    };
    let file: string | undefined;
    const request = (): ReadRequest => ({ files: [{ path: (file ??= tempFile('un-8.xml', unListRepeated(8))), name: 'un.xml' }], format: 'un_xml' });

    it('lets the event loop turn between parts of a batch, so the app answers in between', async () => {
      const turnsAtBatch: number[] = [];
      await countingTurns((turns) =>
        readInWorker(request(), (items) => {
          turnsAtBatch.push(turns());
          slowWriter(items.length);
        }),
      );
      // Four batches of 2,000 and one of 112, ITEMS_PER_TURN items a call.
      expect(turnsAtBatch).toHaveLength(4 * Math.ceil(WORKER_BATCH / ITEMS_PER_TURN) + 1);
      // Between any two calls the loop went round at least once.
      for (let i = 1; i < turnsAtBatch.length; i++) expect(turnsAtBatch[i]).toBeGreaterThan(turnsAtBatch[i - 1]!);
    });

    it('takes a cancel that arrives while a part of a batch is written before the next part', async () => {
      const controller = new AbortController();
      const reason = new Error('cancelled');
      let batches = 0;
      const reading = readInWorker(
        request(),
        (items) => {
          batches++;
          // The user presses Cancel as the second part is written (the reader is ahead by then).
          if (batches === 2) setTimeout(() => controller.abort(reason), 0);
          slowWriter(items.length);
        },
        { signal: controller.signal },
      );
      await expect(reading).rejects.toBe(reason);
      expect(batches).toBe(2);
    });
  });

  it('refuses a list that needs more memory than the worker is given, saying so, with the file’s name', async () => {
    // A heap far too small for reading the full OFAC set: the worker runs out of memory.
    const reading = readInWorker({ files: OFAC_CSV, format: 'ofac_csv' }, () => undefined, { heapMib: 16 });
    await expect(reading).rejects.toMatchObject({
      code: 'LIST_UNREADABLE',
      message: 'sdn.csv.gz: the list is too large to read here (it needs more than 16 MiB of memory); the previous version is still in use.',
    });
  });
});

describe('an import read in a worker', () => {
  it('stores exactly what an import read here stores', async () => {
    const triple = unTriple();
    const size = fs.statSync(triple).size;
    const storedBy = async (inWorker: boolean) => {
      const ctx = testContext();
      const prepared = prepareImport([{ path: triple, name: 'un.xml', sha256: 'a'.repeat(64), size }]);
      const result = await runImport(ctx, { ...prepared, inWorker });
      const rows = ctx.db.prepare('SELECT list_ref, authority, type, programmes, listed_on, data FROM designation_entries ORDER BY id').all();
      const identifiers = ctx.db.prepare('SELECT e.list_ref, i.position, i.value, i.type FROM designation_identifiers i JOIN designation_entries e ON e.id = i.entry_id ORDER BY 1, 2').all();
      const keys = ctx.db.prepare('SELECT e.list_ref, k.key FROM designation_name_keys k JOIN designation_entries e ON e.id = k.entry_id ORDER BY 1, 2').all();
      return { report: result.report, rows, identifiers, keys };
    };
    const here = await storedBy(false);
    const there = await storedBy(true);
    expect(here.rows).toHaveLength(3042);
    expect(there).toEqual(here);
  });
});
