import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';
import { EVIDENCE_FTS_AUTOMERGE } from './017-evidence-search-merges';

describe('migration 017 (evidence search merges 16 segments at a time)', () => {
  it('records the setting in the index, where every later connection reads it', () => {
    const file = path.join(tempDir(), 'm.sqlite');
    const db = new Database(file);
    migrate(db, 16);
    const automerge = (d: Database.Database) => d.prepare("SELECT v FROM evidence_fts_config WHERE k = 'automerge'").pluck().get();
    expect(automerge(db)).toBeUndefined(); // FTS5's default, 4
    migrate(db, 17);
    db.close();
    const again = new Database(file);
    expect(automerge(again)).toBe(EVIDENCE_FTS_AUTOMERGE);
    again.close();
  });
});
