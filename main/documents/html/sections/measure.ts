import type { ProposalModel } from '../../model';
import { label, para, type Tongue } from '../tongue';
import { sectionHeading } from './section-heading';

/** Section 1: the measure, its legal basis (today's statutes and the law to come) and the standard of proof. */
export function measureHtml(m: ProposalModel, t: Tongue, n: number): string {
  return `<section id="measure">
<div class="keep">${sectionHeading(t, n, (w) => w.sections.measure)}
${para(t, (w) => w.measure.proposal[m.measure])}</div>
<div class="keep"><h4>${label(t, (w) => w.measure.basisLabel)}</h4>
${para(t, (w) => w.measure.basis[m.measure])}
${para(t, (w) => w.measure.sanctionsLaw)}</div>
<div class="keep"><h4>${label(t, (w) => w.measure.standardLabel)}</h4>
${para(t, (w) => w.measure.standardText(w.measure.standard[m.standard]))}</div>
</section>`;
}
