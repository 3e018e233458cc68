import type { ServiceContext } from './context';

const IDLE_LOCK_KEY = 'workspace.idleLockMinutes';
/** An encrypted workspace locks itself after this long without a key press or a click, unless changed. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

/** Kept in the (encrypted) workspace: the renderer reads it once unlocked and runs the timer. */
export function getIdleLockMinutes(ctx: ServiceContext): number | null {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(IDLE_LOCK_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as number | null) : DEFAULT_IDLE_LOCK_MINUTES;
}

export function setIdleLockMinutes(ctx: ServiceContext, minutes: number | null): void {
  ctx.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(IDLE_LOCK_KEY, JSON.stringify(minutes));
}
