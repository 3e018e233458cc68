import { NAME_SCRIPTS } from '../../../../shared/domain/subjects';
import { countryName, dayWithEra, fuzzyDate } from '../../dates';
import type { DocWords } from '../../dictionary';
import type { NameLine, ProposalModel, SubjectModel } from '../../model';
import { esc } from '../escape';
import { label, value, type Tongue } from '../tongue';
import { richBlock } from './rich';
import { sectionHeading, subHeading } from './section-heading';

/**
 * Section 2: each subject in the layout of the EU annex (Regulation 2020/1998, Annex I): name in
 * every script, identifying information, reasons, date of listing — here the proposed date.
 */
export function subjectsHtml(m: ProposalModel, t: Tongue, n: number): string {
  return `<section id="subjects">
${sectionHeading(t, n, (w) => w.sections.subjects)}
${m.subjects.map((s, i) => subjectHtml(m, s, t, `${n}.${i + 1}`)).join('\n')}
</section>`;
}

const scriptLabel = (t: Tongue, code: string) => {
  const script = NAME_SCRIPTS.find((s) => s.code === code);
  return script ? value(t, (_w, lang) => script[lang]) : esc(code);
};

function nameLine(t: Tongue, s: SubjectModel, name: NameLine, strength = false): string {
  if (!name.printable) {
    return `<span class="note">${label(t, (w, lang) => w.subject.notPrintable(NAME_SCRIPTS.find((x) => x.code === name.script)?.[lang] ?? name.script, s.reference))}</span>`;
  }
  const quality = strength && name.strength ? `; ${value(t, (w) => (name.strength === 'strong' ? w.subject.strong : w.subject.weak))}` : '';
  return `<span lang="${esc(name.lang)}">${esc(name.value)}</span> <span class="note">(${scriptLabel(t, name.script)}${quality})</span>`;
}

function subjectHtml(m: ProposalModel, s: SubjectModel, t: Tongue, number: string): string {
  const rows: string[] = [];
  const row = (pick: (w: DocWords) => string, html: string) => rows.push(`<tr><th>${label(t, pick)}</th><td>${html}</td></tr>`);
  const lines = (items: string[]) => items.join('<br>');
  const country = (code: string | null) => (code ? value(t, (_w, lang) => countryName(code, lang)) : '');

  row((w) => w.subject.names, lines(s.names.map((name) => nameLine(t, s, name))));
  row((w) => w.subject.reference, `${esc(s.reference)}; ${value(t, (w) => w.subjectType[s.type])}`);
  if (s.aliases.length) row((w) => w.subject.aliases, lines(s.aliases.map((a) => nameLine(t, s, a, true))));
  if (s.birthDates.length) {
    row(
      (w) => w.subject.birthDate,
      lines(s.birthDates.map((b) => `${value(t, (_w, lang) => fuzzyDate(b.date, lang))}${b.sourceText ? ` <span class="note">(${esc(b.sourceText)})</span>` : ''}`)),
    );
  }
  if (s.birthPlaces.length) {
    row((w) => w.subject.birthPlace, lines(s.birthPlaces.map((p) => `${esc(p.place)}${p.country ? `, ${country(p.country)}` : ''}`)));
  }
  if (s.nationalities.length) row((w) => w.subject.nationality, lines(s.nationalities.map((c) => country(c))));
  if (s.documents.length) {
    row(
      (w) => w.subject.documents,
      lines(s.documents.map((d) => `${value(t, (w) => w.documentType[d.type])}: ${esc(d.number)}${d.country ? ` (${country(d.country)})` : ''}`)),
    );
  }
  if (s.positions.length) {
    row(
      (w) => w.subject.positions,
      lines(
        s.positions.map(
          (p) => `${esc(p.title)}${p.organization ? `, ${esc(p.organization)}` : ''} <span class="note">(${value(t, (_w, lang) => fuzzyDate(p.period, lang))})</span>`,
        ),
      ),
    );
  }
  if (s.addresses.length) row((w) => w.subject.addresses, lines(s.addresses.map((a) => `${esc(a.address)}${a.country ? `, ${country(a.country)}` : ''}`)));
  if (s.roles.length) row((w) => w.subject.roles, lines(s.roles.map((r) => `${esc(r.allegation)}: ${value(t, (w) => w.role[r.role])}`)));

  const listing = m.proposedDate ? value(t, (_w, lang) => dayWithEra(m.proposedDate!, lang)) : value(t, (w) => w.subject.onDesignation);
  const title = `${esc(s.reference)} <span lang="${esc(s.names.find((x) => x.printable)?.lang ?? 'und')}">${esc(s.displayName)}</span>`;
  return `<div class="subject" id="subject-${esc(s.reference)}">
<div class="keep">${subHeading(number, title)}
<table class="annex"><tbody>${rows.slice(0, 2).join('')}</tbody></table></div>
<table class="annex"><tbody>${rows.slice(2).join('')}</tbody></table>
<h4>${label(t, (w) => w.subject.reasons)}</h4>
${richBlock(s.reasons)}
<table class="annex"><tbody><tr><th>${label(t, (w) => w.subject.dateOfListing)}</th><td>${listing}</td></tr></tbody></table>
</div>`;
}
