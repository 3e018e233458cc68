import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { PublicCardSchema } from '../../../shared/contract/channels/keys';
import { Failure } from '../../ipc/failure';
import { canonicalJson } from '../../vault/canonical-json';
import type { Vault } from '../../vault/vault';
import type { IncomingCase } from './plan';
import type { Snapshot } from './snapshot';
import type { Row } from './tables';

/**
 * A case inside a bundle: `records/<table>.json` (canonical JSON arrays of rows as the schema has
 * them), `evidence/<sha256>` (vault files, when the sender included them), and the meta below.
 * The container, encryption and signature are part A's (main/bundles/format, docs/bundle-format.md).
 */
export const RECORDS_PREFIX = 'records/';
export const EVIDENCE_PREFIX = 'evidence/';
export const CASE_BUNDLE_KIND = 'casebench-case';
export const CASE_CONTENT_VERSION = 1;

export const CaseBundleMetaSchema = z.object({
  kind: z.literal(CASE_BUNDLE_KIND),
  contentVersion: z.number().int(),
  bundleId: z.string(),
  createdAt: z.string(),
  sender: PublicCardSchema,
  /** Who it was addressed to: colleagues' names, or 'passphrase'. */
  recipients: z.array(z.string()),
  case: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  includes: z.object({
    wholeCase: z.boolean(),
    allegations: z.number().int(),
    subjects: z.number().int(),
    evidenceItems: z.number().int(),
    evidenceFiles: z.boolean(),
  }),
  /** False unless the sender chose to include victims' and witnesses' protected identities (records/protected_persons.json). */
  protectedIdentitiesIncluded: z.boolean(),
  /** Columns per table the sender left out, never compared nor overwritten here (none since protected identities have their own table). */
  withheld: z.record(z.string(), z.array(z.string())),
});
export type CaseBundleMeta = z.infer<typeof CaseBundleMetaSchema>;

export interface EntrySource {
  name: string;
  size: number;
  sha256: string;
  open(): Readable;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function bufferEntry(name: string, bytes: Buffer): EntrySource {
  return { name, size: bytes.length, sha256: sha256(bytes), open: () => Readable.from([bytes]) };
}

/** The bundle's entries for a snapshot: its record files, and its vault files when evidence is included. */
export function entriesOf(snapshot: Snapshot, vault: Vault): EntrySource[] {
  const entries: EntrySource[] = Object.entries(snapshot.tables)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([table, rows]) => bufferEntry(`${RECORDS_PREFIX}${table}.json`, Buffer.from(canonicalJson(rows), 'utf8')));
  if (!snapshot.includeEvidence) return entries;
  for (const f of snapshot.files) {
    // The plaintext, read through the vault (a sealed vault decrypts it): the bundle has its own encryption.
    const stat = vault.stat(f.sha256);
    if (!stat) {
      throw new Failure('NOT_FOUND', 'A stored evidence file is missing from the vault. Run "Verify integrity" on the case, then export again.');
    }
    entries.push({ name: `${EVIDENCE_PREFIX}${f.sha256}`, size: stat.size, sha256: f.sha256, open: () => vault.read(f.sha256) });
  }
  return entries;
}

const damaged = (message: string) => new Failure('BUNDLE_DAMAGED', message);

/** Reads the case out of an opened bundle: its meta, its records, and which vault files it carries. */
export function incomingFrom(opened: {
  meta: Record<string, unknown>;
  entries: { name: string; size: number; sha256: string }[];
  pathOf(name: string): string;
}): { meta: CaseBundleMeta; incoming: IncomingCase } {
  const parsed = CaseBundleMetaSchema.safeParse(opened.meta);
  if (!parsed.success) throw new Failure('BUNDLE_NOT_A_BUNDLE', 'This bundle does not hold a Casebench case.');
  const meta = parsed.data;
  if (meta.contentVersion > CASE_CONTENT_VERSION) {
    throw new Failure('BUNDLE_TOO_NEW', `The case in this bundle is in content version ${meta.contentVersion}; this Casebench reads up to ${CASE_CONTENT_VERSION}.`);
  }
  const tables: Record<string, Row[]> = {};
  const carried = new Set<string>();
  for (const e of opened.entries) {
    if (e.name.startsWith(RECORDS_PREFIX) && e.name.endsWith('.json')) {
      const table = e.name.slice(RECORDS_PREFIX.length, -'.json'.length);
      if (!/^[a-z_]+$/.test(table)) throw damaged('The bundle holds a record file with an unexpected name.');
      try {
        tables[table] = JSON.parse(fs.readFileSync(opened.pathOf(e.name), 'utf8')) as Row[];
      } catch {
        throw damaged(`The bundle's ${table} records cannot be read.`);
      }
    } else if (e.name.startsWith(EVIDENCE_PREFIX)) {
      const sha = e.name.slice(EVIDENCE_PREFIX.length);
      // The format checked every entry's bytes against the signed manifest; the name must say the same hash.
      if (sha !== e.sha256) throw damaged('An evidence file in the bundle is not named by its SHA-256.');
      carried.add(sha);
    }
  }
  return { meta, incoming: { caseId: meta.case.id, tables, withheld: meta.withheld, carried } };
}

/** An in-memory round of the record files, as a bundle would carry them (tests, and the benchmark). */
export function incomingFromSnapshot(snapshot: Snapshot): IncomingCase {
  return {
    caseId: snapshot.caseId,
    tables: JSON.parse(canonicalJson(snapshot.tables)) as Record<string, Row[]>,
    withheld: {},
    carried: new Set(snapshot.includeEvidence ? snapshot.files.map((f) => f.sha256) : []),
  };
}
