/**
 * What "Verify integrity" found wrong with an item, beyond its kind: a code the UI translates
 * (renderer/src/i18n: `evidence.verify.notes`) with its values; main writes the English message
 * from the same templates.
 */
import { fill } from './fill-template';

/** The English of every note; ja.ts translates each key (checked by the typecheck). */
export const INTEGRITY_NOTES_EN = {
  hash_differs_from_log: "The item's recorded hash differs from its custody log.",
  file_missing: 'The stored file is missing from the vault.',
  size_differs: 'The stored file has a different size than when it was imported.',
  file_changed: 'The stored file no longer matches its SHA-256: it was changed.',
  sealed_not_sealed: 'The stored file is damaged: it is not a sealed vault file.',
  sealed_unknown_format: 'The stored file is damaged: it is in an unknown sealed format.',
  sealed_chunk_fails: 'The stored file is damaged: chunk {{chunk}} fails its authentication check.',
  sealed_cut_short: 'The stored file is damaged: it is cut short.',
  sealed_changed_while_read: 'The stored file changed while it was read.',
  entry_missing: 'Custody entry {{entry}} is missing.',
  entries_missing: 'Custody entries {{from}}–{{to}} are missing.',
  entry_altered: 'Custody entry {{entry}} was changed after it was written.',
  entry_moved: 'Custody entry {{from}} now stands at position {{to}}: the log was reordered.',
  entry_unlinked: 'Custody entry {{entry}} does not follow from the entry before it.',
  last_entries_missing: 'The custody log should have {{total}} entries; the last ones are missing.',
  entries_unrecorded: 'The custody log has entries the item never recorded.',
  head_differs: 'The last custody entry is not the one the item recorded.',
} as const;

export type IntegrityNoteCode = keyof typeof INTEGRITY_NOTES_EN;
export const INTEGRITY_NOTE_CODES = Object.keys(INTEGRITY_NOTES_EN) as [IntegrityNoteCode, ...IntegrityNoteCode[]];

/** The fields of a problem that say it: its code, its values, and its English. */
export function integrityNote(note: IntegrityNoteCode, values?: Record<string, number>): { note: IntegrityNoteCode; values?: Record<string, number>; message: string } {
  return { note, ...(values && { values }), message: fill(INTEGRITY_NOTES_EN[note], values) };
}
