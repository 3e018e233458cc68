import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Failure } from '../ipc/failure';
import { decodeCard, encodeCard } from './card-text';
import { fingerprint } from './fingerprint';
import { colleagueCard } from './test-cards';

function failureOf(run: () => unknown): Failure {
  try {
    run();
  } catch (error) {
    if (error instanceof Failure) return error;
    throw error;
  }
  throw new Error('expected a Failure');
}

/** A line with a correct checksum around any payload: what a careless or hostile maker could produce. */
const withChecksum = (payload: string) => {
  const head = `casebench-key-1:${payload}`;
  return `${head}.${createHash('sha256').update(head).digest().subarray(0, 6).toString('base64url')}`;
};

describe('public key text', () => {
  it('is one line that decodes to the same card, in any script', async () => {
    const card = await colleagueCard('ミン・アウン 田中 愛子', '人権 NGO「ヒューマンライツ・ナウ」');
    const text = encodeCard(card);
    expect(text).toMatch(/^casebench-key-1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8}$/);
    expect(decodeCard(text)).toEqual(card);
  });

  it('survives what mail and chat do to a long line: breaks, spaces, quote marks, text around it', async () => {
    const card = await colleagueCard('Ana Lima');
    const text = encodeCard(card);
    const wrapped = text.match(/.{1,40}/g)!.join('\n> ');
    expect(decodeCard(`Hi, here is my key:\n\n> ${wrapped}\n\nThanks, Ana`)).toEqual(card);
    expect(decodeCard(`  ${text}\r\n`)).toEqual(card);
  });

  it.each([
    ['nothing', '', 'required'],
    ['only spaces', ' \n\t ', 'required'],
    ['something else', 'age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs', 'invalid'],
    ['a private key', 'AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQS', 'invalid'],
  ])('refuses %s with KEY_TEXT_INVALID', (_, text, issue) => {
    const failure = failureOf(() => decodeCard(text));
    expect(failure.code).toBe('KEY_TEXT_INVALID');
    expect(failure.fields).toEqual({ text: { code: issue } });
    expect(failure.message).not.toMatch(/\/|\\|at /);
  });

  it('catches a cut-off, mistyped or tampered paste by its checksum', async () => {
    const text = encodeCard(await colleagueCard('Ana Lima'));
    const dot = text.lastIndexOf('.');
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    const variants = [
      text.slice(0, dot), // checksum lost
      text.slice(0, 60), // cut in the middle
      text.slice(0, -3), // checksum cut short
      flip(text, 30), // one character of the payload mistyped
      flip(text, text.length - 1), // one character of the checksum mistyped
      text.replace('casebench-key-1:', 'casebench-key-0:'),
    ];
    for (const variant of variants) {
      const failure = failureOf(() => decodeCard(variant));
      expect(failure.code, variant).toBe('KEY_TEXT_INVALID');
    }
    expect(failureOf(() => decodeCard(flip(text, 30))).message).toMatch(/checksum/);
  });

  it('says a key from a newer Casebench needs an update', () => {
    expect(failureOf(() => decodeCard(withChecksum('e30').replace('key-1:', 'key-2:'))).message).toMatch(/newer Casebench/);
  });

  it('refuses a well-formed line whose card is not valid', async () => {
    const card = await colleagueCard('Ana Lima');
    const json = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const good = { n: card.name, o: card.organisation, s: card.signingKey, r: card.ageRecipient };
    expect(decodeCard(withChecksum(json(good)))).toEqual(card);
    const bad = [
      Buffer.from('not json').toString('base64url'),
      json({ ...good, n: '' }), // no name
      json({ ...good, n: 'x'.repeat(201) }),
      json({ ...good, n: 'Ana\u0007' }), // a control character
      json({ ...good, s: Buffer.alloc(31).toString('base64') }), // not 32 bytes
      json({ ...good, r: `${card.ageRecipient.slice(0, -1)}${card.ageRecipient.endsWith('q') ? 'p' : 'q'}` }), // bech32 checksum broken
      json({ ...good, r: 'age1pq1abc' }),
      json({ n: good.n, s: good.s, r: good.r }), // organisation missing
    ];
    for (const payload of bad) expect(failureOf(() => decodeCard(withChecksum(payload))).code, payload).toBe('KEY_TEXT_INVALID');
  });
});

describe('fingerprint', () => {
  it('is 12 groups of 5 digits, the same for the same keys, whatever the name', async () => {
    const card = await colleagueCard('Ana Lima');
    const print = fingerprint(card);
    expect(print).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(fingerprint({ ...card })).toBe(print);
    expect(fingerprint(decodeCard(encodeCard({ ...card, name: 'Someone else' })))).toBe(print);
  });

  it('differs when either key differs', async () => {
    const a = await colleagueCard('Ana Lima');
    const b = await colleagueCard('Ana Lima');
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    expect(fingerprint({ ...a, ageRecipient: b.ageRecipient })).not.toBe(fingerprint(a));
    expect(fingerprint({ ...a, signingKey: b.signingKey })).not.toBe(fingerprint(a));
    // Known answer, so that a change to the digits (which people have already compared) cannot pass unnoticed.
    expect(fingerprint({ signingKey: `${'A'.repeat(43)}=`, ageRecipient: `age1${'q'.repeat(58)}` })).toBe(KNOWN);
  });
});

const KNOWN = '79146 50669 55258 31354 14271 81664 63774 33824 51165 60815 39670 13229';
