import type { ProposalModel } from '../../model';
import { esc } from '../escape';
import { label, para, value, type Tongue } from '../tongue';
import { sectionHeading } from './section-heading';

/** Section 4: every exhibit, as preserved: number, title, date obtained, grading, SHA-256. */
export function exhibitsHtml(m: ProposalModel, t: Tongue, n: number): string {
  // Each exhibit takes two rows, its hash on a line of its own: 64 hex digits unbroken, to be read and copied whole.
  const head = `<thead><tr>
<th style="width:10%">${label(t, (w) => w.exhibits.number)}</th>
<th>${label(t, (w) => w.exhibits.description)}</th>
<th style="width:15%">${label(t, (w) => w.exhibits.obtained)}</th>
<th style="width:10%">${label(t, (w) => w.exhibits.grading)}</th></tr></thead>`;
  const rows = m.exhibits.map(
    (e) =>
      `<tbody class="exhibit" id="exhibit-${esc(e.exhibit)}"><tr><td class="num" rowspan="2">${esc(e.exhibit)}</td><td>${esc(e.title)}</td>` +
      `<td class="num">${e.obtainedAt ? esc(e.obtainedAt.slice(0, 10)) : '—'}</td><td>${e.grading ? esc(e.grading) : '—'}</td></tr>` +
      `<tr><td colspan="3" class="hash">${e.sha256 ? `SHA-256 <span class="value">${esc(e.sha256)}</span>` : value(t, (w) => w.exhibits.testimony)}</td></tr></tbody>`,
  );
  return `<section id="exhibits">
<div class="keep">${sectionHeading(t, n, (w) => w.sections.exhibits)}
${para(t, (w) => w.exhibits.intro)}</div>
${m.exhibits.length ? `<table class="exhibits">${head}${rows.join('\n')}</table>${para(t, (w) => w.exhibits.gradingNote, 'note')}` : para(t, (w) => w.exhibits.none)}
</section>`;
}
