import type { Language } from '../../shared/domain/workflow';
import type { ServiceContext } from './context';

const LANGUAGE_KEY = 'ui.language';

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
