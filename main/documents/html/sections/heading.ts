import { dayWithEra } from '../../dates';
import type { ProposalModel } from '../../model';
import { esc } from '../escape';
import { label, value, type Tongue } from '../tongue';

/** Classification, title and the heading table: reference, number, version, dates, addressee, author, reviewer. */
export function headingHtml(m: ProposalModel, t: Tongue): string {
  const row = (th: string, td: string) => `<tr><th>${th}</th><td>${td}</td></tr>`;
  const subjects = m.subjects.map((s) => `${esc(s.reference)} ${esc(s.displayName)}`).join('<br>');
  return `
<div class="classification">${label(t, (w) => w.classification[m.classification])}</div>
${m.demo ? `<div class="draft-banner demo-banner">${label(t, (w) => w.demo)}</div>` : ''}
${m.draft ? `<div class="draft-banner">${label(t, (w) => w.draft)}</div>` : ''}
<h1>${label(t, (w) => w.title[m.measure])}</h1>
<table class="heading-table"><tbody>
${row(label(t, (w) => w.heading.caseReference), `${esc(m.case.reference)}<br>${esc(m.case.title)}`)}
${row(label(t, (w) => w.heading.number), esc(m.number))}
${row(label(t, (w) => w.heading.version), value(t, (w) => w.versionOf(m.version)))}
${row(label(t, (w) => w.heading.date), value(t, (_w, lang) => dayWithEra(m.day, lang)))}
${row(label(t, (w) => w.heading.classification), value(t, (w) => w.classification[m.classification]))}
${row(label(t, (w) => w.heading.addressee), m.addressee ? esc(m.addressee) : value(t, (w) => w.defaultAddressee[m.measure]))}
${row(label(t, (w) => w.heading.author), esc(m.author))}
${row(label(t, (w) => w.heading.reviewer), m.reviewer ? esc(m.reviewer) : value(t, (w) => w.heading.notReviewed))}
${row(label(t, (w) => w.heading.subjects), subjects)}
</tbody></table>`;
}
