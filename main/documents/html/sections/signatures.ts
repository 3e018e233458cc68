import { dayWithEra } from '../../dates';
import type { ProposalModel } from '../../model';
import { esc } from '../escape';
import { label, value, type Tongue } from '../tongue';
import { sectionHeading } from './section-heading';

/** Section 8: the investigator's and the reviewer's blocks, names and dates printed, signatures by hand. */
export function signaturesHtml(m: ProposalModel, t: Tongue, n: number): string {
  const block = (role: string, name: string | null, day: string | null) => `<div class="signature">
<div class="role">${role}</div>
<div>${label(t, (w) => w.signatures.name)}: ${name ? esc(name) : ''}</div>
<div class="line-label">${label(t, (w) => w.signatures.signature)}</div><div class="line"></div>
<div>${label(t, (w) => w.signatures.date)}: ${day ? value(t, (_w, lang) => dayWithEra(day, lang)) : ''}</div>
</div>`;
  return `<section id="signatures" class="keep">
${sectionHeading(t, n, (w) => w.sections.signatures)}
<div class="signatures">
${block(label(t, (w) => w.signatures.investigator), m.author, m.draft ? null : m.day)}
${block(label(t, (w) => w.signatures.reviewer), m.reviewer, null)}
</div>
</section>`;
}
