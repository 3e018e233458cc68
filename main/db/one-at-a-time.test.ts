import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OneAtATime } from './one-at-a-time';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('OneAtATime', () => {
  it('runs work on one database one at a time, in order, a failure not stopping the next; other databases do not wait', async () => {
    const [a, b] = [new Database(':memory:'), new Database(':memory:')];
    const queue = new OneAtATime();
    const log: string[] = [];
    const work = (name: string, fail = false) => async () => {
      log.push(`${name} starts`);
      await tick();
      log.push(`${name} ends`);
      if (fail) throw new Error(name);
      return name;
    };
    const first = queue.run(a, work('a1', true));
    const second = queue.run(a, work('a2'));
    const other = queue.run(b, work('b1'));
    await expect(first).rejects.toThrow('a1');
    await expect(second).resolves.toBe('a2');
    await expect(other).resolves.toBe('b1');
    expect(log.indexOf('a2 starts')).toBeGreaterThan(log.indexOf('a1 ends'));
    expect(log.indexOf('b1 starts')).toBeLessThan(log.indexOf('a1 ends'));
    a.close();
    b.close();
  });

  it('settles once everything asked so far has, failures included', async () => {
    const db = new Database(':memory:');
    const queue = new OneAtATime();
    await expect(queue.settled(db)).resolves.toBeUndefined();
    let done = false;
    void queue.run(db, async () => {
      await tick();
      throw new Error('no');
    }).catch(() => undefined);
    void queue.run(db, async () => {
      await tick();
      done = true;
    });
    await queue.settled(db);
    expect(done).toBe(true);
    db.close();
  });
});
