import { textLanguage } from '../../assemble';
import { dayWithEra } from '../../dates';
import type { ProposalModel } from '../../model';
import { paragraphs } from '../escape';
import { label, para, type Tongue } from '../tongue';
import { sectionHeading } from './section-heading';

/** Section 7: what the measure covers, its humanitarian and other exemptions, and when it is to be reviewed. */
export function scopeHtml(m: ProposalModel, t: Tongue, n: number): string {
  return `<section id="scope">
<div class="keep">${sectionHeading(t, n, (w) => w.sections.scope)}
<h4>${label(t, (w) => w.scope.scopeLabel)}</h4>
${para(t, (w) => w.scope.scope[m.measure])}</div>
${m.scopeNote.trim() ? `<div class="keep"><h4>${label(t, (w) => w.scope.noteLabel)}</h4>${paragraphs(m.scopeNote, ` lang="${textLanguage(m.scopeNote)}"`)}</div>` : ''}
<div class="keep"><h4>${label(t, (w) => w.scope.exemptionsLabel)}</h4>
${para(t, (w) => w.scope.exemptions[m.measure])}</div>
<div class="keep"><h4>${label(t, (w) => w.scope.reviewLabel)}</h4>
${para(t, (w, lang) => w.scope.review(dayWithEra(m.reviewDate, lang)))}</div>
</section>`;
}
