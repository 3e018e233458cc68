import type { Identity } from '../../shared/contract/channels/app';
import type { ServiceContext } from './context';

const IDENTITY_KEY = 'user.identity';

export function getIdentity(ctx: Pick<ServiceContext, 'db'>): Identity | null {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(IDENTITY_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Identity) : null;
}

/** Events already recorded keep the name they were stamped with; only later events use the new one. */
export function setIdentity(ctx: Pick<ServiceContext, 'db'>, identity: Identity): Identity {
  ctx.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(IDENTITY_KEY, JSON.stringify(identity));
  return identity;
}

export { actorOf } from '../../shared/contract/channels/app';
