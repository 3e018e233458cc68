import { v7 as uuidv7 } from 'uuid';
import type { Colleague, PublicCard, SignerStanding } from '../../shared/contract/channels/keys';
import { Failure } from '../ipc/failure';
import type { ServiceContext } from '../services/context';
import { checkedCard } from './card-text';
import { fingerprint } from './fingerprint';
import { ownSigningKey } from './own-keys';

interface ColleagueRow {
  id: string;
  name: string;
  organisation: string;
  signing_key: string;
  age_recipient: string;
  fingerprint: string;
  added_at: string;
  added_from: Colleague['addedFrom'];
}

const COLUMNS = 'id, name, organisation, signing_key, age_recipient, fingerprint, added_at, added_from';

const toColleague = (row: ColleagueRow): Colleague => ({
  id: row.id,
  name: row.name,
  organisation: row.organisation,
  signingKey: row.signing_key,
  ageRecipient: row.age_recipient,
  fingerprint: row.fingerprint,
  addedAt: row.added_at,
  addedFrom: row.added_from,
});

/** Names compared as people write them: full-width and half-width, case and spaces ("田中 愛子" = "田中愛子") do not count. */
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

export function listColleagues(ctx: Pick<ServiceContext, 'db'>): Colleague[] {
  const rows = ctx.db.prepare(`SELECT ${COLUMNS} FROM colleagues ORDER BY name COLLATE NOCASE, added_at, id`).all() as ColleagueRow[];
  return rows.map(toColleague);
}

function colleagueByKey(ctx: Pick<ServiceContext, 'db'>, signingKey: string): Colleague | null {
  const row = ctx.db.prepare(`SELECT ${COLUMNS} FROM colleagues WHERE signing_key = ?`).get(signingKey) as ColleagueRow | undefined;
  return row ? toColleague(row) : null;
}

/**
 * How a card stands: my own key; a colleague's (by signing key: the key a bundle's signature is
 * checked against, whatever name the card gives); a known colleague's name with another key
 * (maybe a new key, maybe someone else: the user must be told); or nobody known.
 */
export function standingOf(ctx: Pick<ServiceContext, 'db'>, card: Pick<PublicCard, 'name' | 'signingKey'>): SignerStanding {
  if (card.signingKey === ownSigningKey(ctx)) return { kind: 'self' };
  const known = colleagueByKey(ctx, card.signingKey);
  if (known) return { kind: 'known', colleague: known };
  const wanted = nameKey(card.name);
  const sameName = listColleagues(ctx).find((c) => nameKey(c.name) === wanted);
  return sameName ? { kind: 'name-mismatch', colleague: sameName } : { kind: 'unknown' };
}

/**
 * Adds a colleague the user chose to trust (pasted and confirmed, or a bundle's sender). A key
 * already known is returned as stored, not changed; a known name with another key is added
 * beside that colleague, never over them. Both stay until the user removes one.
 */
export function addColleague(
  ctx: Pick<ServiceContext, 'db' | 'now'>,
  input: PublicCard,
  addedFrom: Colleague['addedFrom'] = 'pasted',
): Colleague {
  const card = checkedCard(input);
  return ctx.db.transaction(() => {
    const standing = standingOf(ctx, card);
    if (standing.kind === 'self') throw new Failure('BAD_REQUEST', 'This is your own public key; it cannot be added as a colleague.');
    if (standing.kind === 'known') return standing.colleague;
    const id = uuidv7();
    ctx.db
      .prepare(`INSERT INTO colleagues (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, card.name, card.organisation, card.signingKey, card.ageRecipient, fingerprint(card), ctx.now(), addedFrom);
    return colleagueByKey(ctx, card.signingKey)!;
  })();
}

export function removeColleague(ctx: Pick<ServiceContext, 'db'>, id: string): { id: string } {
  const { changes } = ctx.db.prepare('DELETE FROM colleagues WHERE id = ?').run(id);
  if (changes === 0) throw new Failure('NOT_FOUND', 'This colleague is no longer in the list.');
  return { id };
}
