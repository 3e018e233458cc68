import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import type { FindingOutcome } from '../../../../shared/contract/channels/findings';
import { textLanguage } from '../../assemble';
import { fuzzyDate } from '../../dates';
import type { DocWords } from '../../dictionary';
import type { AllegationModel, ProposalModel, RichBlock, SubjectModel } from '../../model';
import { esc, paragraphs } from '../escape';
import { label, para, value, type Tongue } from '../tongue';
import { richBlock } from './rich';
import { sectionHeading, subHeading } from './section-heading';

/** Section 3: each allegation the subjects have a part in, with its finding; then the finding on each subject. */
export function findingsHtml(m: ProposalModel, t: Tongue, n: number): string {
  const parts = [
    ...m.allegations.map((a, i) => allegationHtml(a, t, `${n}.${i + 1}`)),
    ...m.subjects.map((s, i) => subjectFindingHtml(s, t, `${n}.${m.allegations.length + i + 1}`)),
  ];
  return `<section id="findings">
<div class="keep">${sectionHeading(t, n, (w) => w.sections.findings)}
${para(t, (w) => w.measure.standardText(w.measure.standard[m.standard]))}</div>
${parts.join('\n')}
</section>`;
}

const outcomeHtml = (t: Tongue, outcome: FindingOutcome) => `<p class="outcome ${outcome}">${label(t, (w) => w.outcome[outcome])}</p>`;

function findingBlock(t: Tongue, heading: (w: DocWords) => string, finding: { outcome: FindingOutcome; body: RichBlock } | null): string {
  if (!finding) return '';
  return `<div class="keep"><h4>${label(t, heading)}</h4>${outcomeHtml(t, finding.outcome)}</div>${richBlock(finding.body)}`;
}

function allegationHtml(a: AllegationModel, t: Tongue, number: string): string {
  const category = CONDUCT_CATEGORIES.find((c) => c.code === a.category);
  const title = `${esc(a.reference)} ${category ? value(t, (_w, lang) => category[lang]) : esc(a.category)}`;
  const row = (pick: (w: DocWords) => string, html: string) => `<tr><th>${label(t, pick)}</th><td>${html}</td></tr>`;
  const subjects = a.subjects.map((s) => `${esc(s.reference)} ${esc(s.name)}: ${value(t, (w) => w.role[s.role])}`).join('<br>');
  return `<div class="allegation" id="allegation-${esc(a.reference)}">
<div class="keep">${subHeading(number, title)}
<table class="annex"><tbody>
${row((w) => w.allegation.period, value(t, (_w, lang) => fuzzyDate(a.period, lang)))}
${a.place ? row((w) => w.allegation.place, esc(a.place)) : ''}
${row((w) => w.allegation.victims, a.victimCount > 0 ? value(t, (w) => w.allegation.victimCount(a.victimCount)) : value(t, (w) => w.allegation.noVictims))}
${row((w) => w.allegation.status, value(t, (w) => w.allegationStatus[a.status]))}
${row((w) => w.allegation.subjects, subjects)}
</tbody></table></div>
${a.narrative.trim() ? `<div class="keep"><h4>${label(t, (w) => w.allegation.narrative)}</h4>${paragraphs(a.narrative, ` lang="${textLanguage(a.narrative)}"`)}</div>` : ''}
${findingBlock(t, (w) => w.allegation.finding, a.finding)}
</div>`;
}

function subjectFindingHtml(s: SubjectModel, t: Tongue, number: string): string {
  return `<div class="subject-finding" id="finding-${esc(s.reference)}">
${subHeading(number, `${esc(s.reference)} ${esc(s.displayName)}`)}
${findingBlock(t, (w) => w.allegation.subjectFinding, s.finding)}
</div>`;
}
