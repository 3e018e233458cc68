import type { ProposalModel } from '../../model';
import { label, para, type Tongue } from '../tongue';

/** What a document's HTML source carries where its fingerprint goes, before it is hashed. */
export const FINGERPRINT_PLACEHOLDER = '0'.repeat(64);
/** Marks the value in the HTML, so that it is replaced exactly there and nowhere else. */
export const FINGERPRINT_ID = 'fingerprint-value';
export const FINGERPRINT_SLOT = `<span class="fp" id="${FINGERPRINT_ID}">${FINGERPRINT_PLACEHOLDER}</span>`;

/**
 * The last block of the document: the SHA-256 of its HTML source (docs/documents.md). A draft says
 * it has none yet; an issued document's source carries FINGERPRINT_SLOT, into which the hash of
 * that very source is written before printing.
 */
export function fingerprintHtml(m: ProposalModel, t: Tongue): string {
  return `<div class="fingerprint" id="fingerprint">
<h4>${label(t, (w) => w.sections.fingerprint)}</h4>
${
  m.draft
    ? para(t, (w) => w.fingerprint.draft)
    : `<div>${label(t, (w) => w.fingerprint.label)}</div><div class="value">${FINGERPRINT_SLOT}</div>${para(t, (w) => w.fingerprint.explain)}`
}
</div>`;
}
