import type { EvidenceContext } from '../services/evidence-context';
import type { EvidenceRow } from '../services/evidence-service';
import { verifyCustodyLog } from '../vault/custody';

/**
 * Whether one evidence item is intact, by the same tests as the vault's "Verify integrity"
 * (main/vault/verify.ts): its custody log walks cleanly, and its stored file is there, has its
 * size, and re-hashes to its SHA-256. Unlike that job it writes nothing (no 'verified' custody
 * entry): a gate is evaluated every time a case is looked at, and looking is not a custody event.
 *
 * Re-hashing a large recording each time a case is opened would make the case slow to open, so
 * unless `fresh` is asked for, a file re-hashed intact is taken as intact while its inode, size,
 * modification and change times are those it had then (any write changes the change time). A
 * transition always asks for `fresh`.
 */
export async function itemIntact(ctx: EvidenceContext, row: EvidenceRow, options: { fresh: boolean }): Promise<boolean> {
  if (verifyCustodyLog(ctx.db, row).length > 0) return false;
  if (row.kind !== 'file' || !row.sha256) return true;
  const logged = ctx.db
    .prepare('SELECT hash_after FROM custody_events WHERE item_id = ? ORDER BY seq DESC LIMIT 1')
    .pluck()
    .get(row.id) as string | null | undefined;
  if (logged !== undefined && logged !== row.sha256) return false;
  const file = ctx.vault.contentPath(row.sha256);
  const stat = ctx.vault.stat(row.sha256);
  if (!stat || stat.size !== (row.size ?? -1)) return false;
  const seen = stat.identity;
  if (!options.fresh && hashedIntact.get(file) === seen) return true;
  hashedIntact.delete(file);
  let intact: boolean;
  try {
    intact = (await ctx.vault.hash(row.sha256)) === row.sha256;
  } catch {
    intact = false; // unreadable is not intact
  }
  if (intact) hashedIntact.set(file, seen);
  return intact;
}

/** Stored files last re-hashed intact, by path, with their file-system identity at that moment. */
const hashedIntact = new Map<string, string>();
