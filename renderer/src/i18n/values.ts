import type { TFunction } from 'i18next';

/**
 * `t` for a key chosen by a code the service sent, with the values that code's template names.
 * i18next types each key's values from its English template; a code's values come with it from
 * the service (shared/domain/list-notes.ts, integrity-notes.ts), so only the key is checked here.
 */
export const withValues = <Key extends string>(t: TFunction) => t as unknown as (key: Key, values: Record<string, string | number>) => string;
