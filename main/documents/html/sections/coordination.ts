import type { Authority } from '../../../../shared/domain/designations';
import { partialDate } from '../../dates';
import type { ProposalModel, SubjectModel } from '../../model';
import { esc } from '../escape';
import { label, para, value, type Tongue } from '../tongue';
import { sectionHeading, subHeading } from './section-heading';

/** Section 6: who has designated each subject, under which programme, since when; and the gap. */
export function coordinationHtml(m: ProposalModel, t: Tongue, n: number): string {
  const body = m.coordinationAvailable
    ? `${para(t, (w) => w.coordination.intro)}\n${m.subjects.map((s, i) => subjectTable(m, s, t, `${n}.${i + 1}`)).join('\n')}`
    : para(t, (w) => w.coordination.notRun);
  return `<section id="coordination">
<div class="keep">${sectionHeading(t, n, (w) => w.sections.coordination)}</div>
${body}
</section>`;
}

function subjectTable(m: ProposalModel, s: SubjectModel, t: Tongue, number: string): string {
  const row = s.coordination;
  const partnerName = (a: Authority) => value(t, (w) => w.authority[a]);
  const rows = m.authorities.map((authority) => {
    const cell = row?.cells[authority];
    const state = cell?.state ?? 'not_screened';
    const designations = cell?.designations ?? [];
    const programmes = designations.map((d) => esc([d.listName, ...d.programmes].filter(Boolean).join(' — '))).join('<br>');
    const since = designations
      .map((d) => (d.listedOn ? value(t, (w, lang) => w.coordination.since(partialDate(d.listedOn!, lang))) : '—'))
      .join('<br>');
    return `<tr><td>${esc(authority)} ${partnerName(authority)}</td><td>${value(t, (w) => w.coordination.state[state])}</td><td>${programmes || '—'}</td><td class="num">${since || '—'}</td></tr>`;
  });
  const gap = row?.gap
    ? para(t, (w, lang) => w.coordination.gap(row.designatedBy.map((a) => w.authority[a]).join(lang === 'ja' ? '、' : ', ')))
    : row && row.designatedBy.length === 0
      ? para(t, (w) => w.coordination.noGap)
      : row
        ? para(t, (w) => w.coordination.japanToo)
        : '';
  return `<div class="keep">${subHeading(number, `${esc(s.reference)} ${esc(s.displayName)}`)}
<table><thead><tr><th style="width:24%">${label(t, (w) => w.coordination.partner)}</th><th style="width:20%">${label(t, (w) => w.coordination.status)}</th><th>${label(t, (w) => w.coordination.programme)}</th><th style="width:18%">${label(t, (w) => w.coordination.listed)}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>
${gap}</div>`;
}
