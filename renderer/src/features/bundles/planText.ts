import type { TFunction } from 'i18next';
import type { BundleChange } from '../../../../shared/contract/channels/bundles';
import { en } from '../../i18n/en';

type FieldKey = keyof typeof en.bundles.fields;
type TableKey = keyof typeof en.bundles.tables;
const isField = (f: string): f is FieldKey => Object.hasOwn(en.bundles.fields, f);
const isTable = (t: string): t is TableKey => Object.hasOwn(en.bundles.tables, t);

/** A record field as people call it; a column no label was written for shows as it is named. */
export const fieldLabel = (t: TFunction, field: string): string => (isField(field) ? t(`bundles.fields.${field}`) : field);

export const tableLabel = (t: TFunction, table: string): string => (isTable(table) ? t(`bundles.tables.${table}`) : table);

/** "Allegation A-2", "Statement of reasons · S-1 Zhu Hailun": the kind of record, then the one it is. */
export function changeTitle(t: TFunction, c: Pick<BundleChange, 'table' | 'label'>): string {
  if (c.table === 'findings') {
    // main/bundles/case/plan.ts labels a finding '<section> · <target>'.
    const [section, ...rest] = c.label.split(' · ');
    const kind = section === 'reasons' ? t('bundles.tables.reasons') : t('bundles.tables.findings');
    return `${kind} · ${rest.join(' · ')}`;
  }
  return `${tableLabel(t, c.table)} ${c.label}`.trim();
}

/**
 * A value as the plan carries it (text; JSON for lists and structured columns) in plain words:
 * list items one per line, an object's non-empty text parts joined by " · " (ids, positions and
 * flags left out), so nobody has to read JSON to choose between two versions.
 */
export function readable(value: string): string {
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return value;
  }
  const part = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return '';
    if (Array.isArray(v)) return v.map(part).filter(Boolean).join(', ');
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !/(^|_)id$|^position$|^primary$/.test(k))
      .map(([, x]) => part(x))
      .filter(Boolean)
      .join(' · ');
  };
  return Array.isArray(parsed) ? parsed.map(part).filter(Boolean).join('\n') : part(parsed);
}
