import type { EvidenceItem } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain/workflow';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.4 MB" in the UI language; binary multiples, one decimal from kilobytes up. */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes < 1024) return `${new Intl.NumberFormat(LOCALES[language]).format(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/** "42%" for 0.42, whole percents, never 100% before the end. */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0, roundingMode: 'floor' } as Intl.NumberFormatOptions).format(share);
}

/** The Admiralty grade as investigators write it: "B2"; a dash stands for an ungraded half. */
export function grade(item: Pick<EvidenceItem, 'sourceReliability' | 'informationCredibility'>): string | null {
  if (item.sourceReliability === null && item.informationCredibility === null) return null;
  return `${item.sourceReliability ?? '–'}${item.informationCredibility ?? '–'}`;
}

/** "2026-03-01 09:30" for an ISO instant, in UTC: how the obtained-at field is typed. */
export function utcInputValue(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCSeconds() ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

/**
 * What the user typed as UTC ("2026-03-01 09:30", "2026-03-01", with or without T/Z) as the ISO
 * instant the service takes. Anything else is sent as typed, so the service's own check answers it
 * at the field: the UI does not validate.
 */
export function utcFromInput(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?Z?$/.exec(value);
  if (!m) return value;
  return `${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}Z`;
}

// dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** The same instant in the computer's own time zone, with the zone's name. */
export function localTime(iso: string, language: Language): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Intl.DateTimeFormat(LOCALES[language], { ...DATE_TIME, timeZoneName: 'short' }).format(d);
}

/** The same instant written in UTC for display ("1 Mar 2026, 09:30 UTC"). */
export function utcTime(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { ...DATE_TIME, timeZone: 'UTC', timeZoneName: 'short' }).format(d);
}

/** "text/plain" for "text/plain; charset=utf-8": the parameters are noise in a table. */
export const bareType = (mediaType: string) => mediaType.split(';')[0]!.trim();

/** The first and last characters of a hash, enough to tell entries apart at a glance. */
export const shortHash = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash);

/** Types whose content could act if rendered: only ever shown as source text. */
export function isActiveType(mediaType: string): boolean {
  const t = mediaType.toLowerCase().split(';')[0]!.trim();
  return (
    t === 'text/html' ||
    t === 'application/xhtml+xml' ||
    t === 'image/svg+xml' ||
    t === 'text/xml' ||
    t === 'application/xml' ||
    t.endsWith('+xml') ||
    t === 'text/javascript' ||
    t === 'application/javascript'
  );
}

export type PreviewKind = 'image' | 'pdf' | 'text' | 'source' | 'audio' | 'video' | 'none';

/** Names of markup files: the service may sniff them as plain text, but they are shown as source all the same. */
const MARKUP_NAME = /\.(html?|xhtml|svg|xml|xsl|mht|js|mjs)$/i;

export function previewKind(mediaType: string | null, originalName: string | null = null): PreviewKind {
  if (!mediaType) return 'none';
  const t = mediaType.toLowerCase().split(';')[0]!.trim();
  if (isActiveType(t)) return 'source';
  if (t.startsWith('text/') && originalName && MARKUP_NAME.test(originalName)) return 'source';
  if (t === 'application/pdf') return 'pdf';
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif'].includes(t)) return 'image';
  if (t.startsWith('text/') || t === 'application/json') return 'text';
  if (t.startsWith('audio/')) return 'audio';
  if (t.startsWith('video/')) return 'video';
  return 'none';
}
