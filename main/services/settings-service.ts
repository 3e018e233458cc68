import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LanguageSchema } from '../../shared/contract/records';
import type { Language } from '../../shared/domain/workflow';
import { sweepAtomicLeftovers, writeFileAtomic } from '../fs/durable';
import { Failure } from '../ipc/failure';
import type { ServiceContext } from './context';

const LANGUAGE_KEY = 'ui.language';

/**
 * The UI language is a preference of this machine, not case data, and a locked (or not yet
 * created) workspace's database can be neither read nor written. So it is kept in a small plain
 * file beside the database: the unlock screen starts in the language chosen last, and a switch
 * made there is kept. The file holds the language and nothing else. The database keeps a copy for
 * the services that write text in it (findings' search text) and for workspaces from before the file.
 */
export const PREFERENCES_FILE = 'casebench.preferences.json';
const PreferencesSchema = z.object({ language: LanguageSchema });

/** The language kept in the database (the services' copy). */
export function getLanguage(ctx: ServiceContext): Language | null {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(LANGUAGE_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Language) : null;
}

export function setLanguage(ctx: ServiceContext, language: Language): { language: Language } {
  ctx.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(LANGUAGE_KEY, JSON.stringify(language));
  return { language };
}

/** The file's language; a missing or unreadable file is no choice (a preference is never worth a failure). */
function preferredLanguage(dir: string): Language | null {
  try {
    const parsed = PreferencesSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, PREFERENCES_FILE), 'utf8')));
    return parsed.success ? parsed.data.language : null;
  } catch {
    return null;
  }
}

/** The language for `app.status`, open or locked: the file's, else (a workspace from before it) the database's. */
export function rememberedLanguage(dir: string, ctx: ServiceContext | null): Language | null {
  return preferredLanguage(dir) ?? (ctx ? getLanguage(ctx) : null);
}

/** Remembers the language whatever the workspace's state: in the file, and in the database when it is open. */
export function rememberLanguage(dir: string, ctx: ServiceContext | null, language: Language): { language: Language } {
  try {
    fs.mkdirSync(dir, { recursive: true }); // a first run's folder may not exist yet
    writeFileAtomic(path.join(dir, PREFERENCES_FILE), `${JSON.stringify({ language })}\n`);
  } catch (error) {
    console.error('[casebench] writing the language preference failed:', error);
    throw new Failure('WORKSPACE_UNAVAILABLE', 'The language could not be remembered: the workspace folder cannot be written to.');
  }
  if (ctx) setLanguage(ctx, language);
  return { language };
}

/**
 * At open: a language chosen while locked reaches the database; a workspace from before the file
 * gets one, so that its next unlock screen speaks the language chosen inside.
 */
export function syncLanguageAtOpen(dir: string, ctx: ServiceContext): void {
  sweepAtomicLeftovers(path.join(dir, PREFERENCES_FILE)); // a write the process died in
  const preferred = preferredLanguage(dir);
  const stored = getLanguage(ctx);
  if (preferred && preferred !== stored) setLanguage(ctx, preferred);
  else if (!preferred && stored) rememberLanguage(dir, null, stored);
}
