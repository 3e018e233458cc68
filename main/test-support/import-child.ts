/**
 * A separate process that imports one file the way the app does, for main/vault/import-crash.test.ts:
 * opens the workspace (start-up sweep included), streams the file through the upload transport
 * (what /api/upload and app://casebench/api/upload run), then does what the 'evidence.import'
 * handler does: importUploads, then extractAndStoreAll for the new items.
 *
 *   node --import tsx main/test-support/import-child.ts <workspace> <caseId> <file> [crashAt]
 *
 * It prints one line per step reached ("opened", "uploaded", "imported <id>", "done") so the parent
 * knows what was acknowledged before it killed us. `crashAt` makes the process SIGKILL itself at a
 * chosen point instead of waiting for the parent's random kill:
 *   bytes:<n>      once n bytes of the file have gone into the vault's tmp file
 *   after-upload   the upload is complete in vault/tmp, nothing imported
 *   after-claim    the file has been renamed into vault/sha256 (and fsynced), no database row yet
 *   in-commit      inside the import transaction, after the custody entry is written, before COMMIT
 *   after-commit   the item is committed, its text not yet extracted
 *   in-extract     inside the extraction transaction, after the text row is written, before COMMIT
 * If the chosen point is never reached the process exits 3, so the parent can tell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { importUploads } from '../services/evidence-service';
import { extractAndStoreAll } from '../vault/extract-text';
import { createEvidenceTransport } from '../vault/transport';
import { openWorkspace } from '../workspace/open-workspace';

const [workspaceDir, caseId, file, crashAt = ''] = process.argv.slice(2) as [string, string, string, string?];
const say = (line: string) => fs.writeSync(1, `${line}\n`); // synchronous: the line is out before any kill
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const workspace = openWorkspace(workspaceDir);
const { db, vault } = workspace;
say('opened');

if (crashAt.startsWith('bytes:')) {
  const limit = Number(crashAt.slice('bytes:'.length));
  // Kill once the vault has consumed `limit` bytes (its write stream has them, the .part file grows).
  const originalReceive = vault.receive.bind(vault);
  vault.receive = (source, options) => {
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen >= limit) {
          // Let the vault write what it has, then die on the next turn.
          done(null, chunk);
          setImmediate(die);
          return;
        }
        done(null, chunk);
      },
    });
    (source as NodeJS.ReadableStream).pipe(counter);
    return originalReceive(counter, options);
  };
}
if (crashAt === 'after-claim') {
  const originalClaim = vault.claim.bind(vault);
  vault.claim = (uploadId) => {
    originalClaim(uploadId);
    return die();
  };
}
if (crashAt === 'in-commit' || crashAt === 'in-extract') {
  // Keyed to the SQL the services run: if they change, the point is not reached and we exit 3.
  const marker = crashAt === 'in-commit' ? 'INSERT INTO custody_events' : 'INSERT INTO evidence_text';
  const originalPrepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = originalPrepare(sql);
    if (!sql.includes(marker)) return statement;
    const originalRun = statement.run.bind(statement);
    statement.run = ((...args: unknown[]) => {
      originalRun(...(args as Parameters<typeof originalRun>));
      if (!db.inTransaction) throw new Error(`${marker} ran outside a transaction`);
      return die();
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
}

const transport = createEvidenceTransport(() => ({ vault, db }));
const size = fs.statSync(file).size;
const uploaded = await transport.upload(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), {
  filename: encodeURIComponent(path.basename(file)),
  contentLength: String(size),
});
if (!uploaded.body.ok) throw new Error(`upload refused: ${uploaded.body.error.message}`);
say('uploaded');
if (crashAt === 'after-upload') die();

const ctx = { db, vault, actor: 'crash-child', now: () => new Date().toISOString() };
const { items } = importUploads(ctx, {
  caseId,
  uploads: [{ uploadId: uploaded.body.value.uploadId, originalName: path.basename(file) }],
});
for (const item of items) say(`imported ${item.id} ${item.duplicate ? 'duplicate' : 'new'}`);
if (crashAt === 'after-commit') die();
await extractAndStoreAll(
  ctx,
  items.filter((item) => !item.duplicate).map((item) => item.id),
);
say('done');
workspace.close();
process.exit(crashAt ? 3 : 0);
