import type { ExculpatoryModel, ProposalModel } from '../../model';
import { esc } from '../escape';
import { label, para, value, type Tongue } from '../tongue';
import { sectionHeading } from './section-heading';

/** Section 5: contradicting material and where the findings address it. */
export function exculpatoryHtml(m: ProposalModel, t: Tongue, n: number): string {
  const where = (a: ExculpatoryModel['addressedIn'][number]) =>
    value(t, (w) => (a.kind === 'allegation_finding' ? w.exculpatory.allegationFinding(a.of) : a.kind === 'subject_finding' ? w.exculpatory.subjectFinding(a.of) : w.exculpatory.reasons(a.of)));
  const rows = m.exculpatory.map(
    (e) =>
      `<tr><td class="num"><a href="#exhibit-${esc(e.exhibit)}">${esc(e.exhibit)}</a></td><td>${esc(e.title)}</td><td>${e.contradicts.map(esc).join(', ')}</td><td>${e.addressedIn.map(where).join('<br>') || '—'}</td></tr>`,
  );
  const table = `<table><thead><tr>
<th style="width:10%">${label(t, (w) => w.exculpatory.exhibit)}</th>
<th style="width:38%">${label(t, (w) => w.exculpatory.description)}</th>
<th style="width:16%">${label(t, (w) => w.exculpatory.contradicts)}</th>
<th>${label(t, (w) => w.exculpatory.addressedIn)}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
  return `<section id="exculpatory">
<div class="keep">${sectionHeading(t, n, (w) => w.sections.exculpatory)}
${para(t, (w) => (m.exculpatory.length ? w.exculpatory.intro : w.exculpatory.none))}</div>
${m.exculpatory.length ? table : ''}
</section>`;
}
