import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { openWorkspace } from '../open-workspace';
import { seededRandom } from '../../test-support/seeded-random';

/**
 * SQLite3MC with SQLCipher's page HMAC corrupts a database in rollback-journal mode when a
 * transaction spills its cache and reuses a page it freed (docs/workspace-encryption.md, "A
 * rollback journal"). The workspace's settings (WAL) must keep such transactions whole: random
 * inserts, deletes and updates through the case FTS triggers, some aborted, with a cache of ten
 * pages so that every transaction spills, compared row by row with what was committed. With
 * `journal_mode = TRUNCATE` for encrypted workspaces both seeds fail within their first transactions.
 */
const WORDS = ['detention', 'camp', 'guard', 'quota', '強制労働', '証言', 'Kashgar', 'roster', 'statement', 'witness'];

describe('an encrypted workspace under transactions larger than its page cache', () => {
  for (const seed of [1, 3]) {
    it(`keeps every committed row and nothing of an aborted one (seed ${seed})`, () => {
      const random = seededRandom(seed).next;
      const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
      const text = () => Array.from({ length: 5 + Math.floor(random() * 400) }, () => pick(WORDS)).join(' ');
      const dir = tempDir();
      const key = randomBytes(32);
      let ws = openWorkspace(dir, { key });
      const committed = new Map<string, string>();
      let next = 0;
      for (let t = 0; t < 20; t++) {
        ws.db.pragma('cache_size = 10');
        const insert = ws.db.prepare("INSERT INTO cases (id, reference, title, summary, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')");
        const remove = ws.db.prepare('DELETE FROM cases WHERE id = ?');
        const update = ws.db.prepare('UPDATE cases SET title = ?, summary = ? WHERE id = ?');
        const pending = new Map(committed);
        const abort = random() < 0.15;
        try {
          ws.db.transaction(() => {
            for (let o = Math.floor(random() * 400); o > 0; o--) {
              const r = random();
              if (r < 0.5 || pending.size === 0) {
                const id = `case-${next++}`;
                const summary = text();
                insert.run(id, id, summary.slice(0, 80), summary);
                pending.set(id, summary);
              } else {
                const id = pick([...pending.keys()]);
                if (r < 0.8) {
                  remove.run(id);
                  pending.delete(id);
                } else {
                  const summary = text();
                  update.run(summary.slice(0, 80), summary, id);
                  pending.set(id, summary);
                }
              }
            }
            if (abort) throw new Error('aborted on purpose');
          })();
          committed.clear();
          for (const [id, summary] of pending) committed.set(id, summary);
        } catch (error) {
          if (!abort) throw error;
        }
        if (random() < 0.2) {
          ws.close();
          ws = openWorkspace(dir, { key });
        }
      }
      try {
        expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = ws.db.prepare("SELECT id, summary FROM cases WHERE id LIKE 'case-%'").all() as { id: string; summary: string }[];
        expect(rows.length).toBe(committed.size);
        expect(rows.every((row) => committed.get(row.id) === row.summary)).toBe(true);
      } finally {
        ws.close();
      }
    }, 60_000);
  }
});
