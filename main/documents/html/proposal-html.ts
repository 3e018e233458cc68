import type { ProposalModel } from '../model';
import type { FontLibrary } from '../fonts/font-library';
import { esc } from './escape';
import { coordinationHtml } from './sections/coordination';
import { exculpatoryHtml } from './sections/exculpatory';
import { exhibitsHtml } from './sections/exhibits';
import { findingsHtml } from './sections/findings';
import { fingerprintHtml } from './sections/fingerprint';
import { headingHtml } from './sections/heading';
import { measureHtml } from './sections/measure';
import { scopeHtml } from './sections/scope';
import { signaturesHtml } from './sections/signatures';
import { subjectsHtml } from './sections/subjects';
import { tocEntry, tocEntryText, tocHtml, type TocEntry, type TocPages } from './sections/toc';
import { documentCss } from './styles';
import { label, plain, tongue } from './tongue';
import type { DocWords } from '../dictionary';

/** Documents longer than this (estimated) get a table of contents. */
export const TOC_MIN_PAGES = 6;

export interface ProposalHtml {
  html: string;
  /** The document's title in its language(s), for the PDF's metadata. */
  title: string;
  /** The entries of the table of contents, or null when the document is short enough to go without. */
  toc: TocEntry[] | null;
}

const SECTIONS: readonly [string, (w: DocWords) => string][] = [
  ['measure', (w) => w.sections.measure],
  ['subjects', (w) => w.sections.subjects],
  ['findings', (w) => w.sections.findings],
  ['exhibits', (w) => w.sections.exhibits],
  ['exculpatory', (w) => w.sections.exculpatory],
  ['coordination', (w) => w.sections.coordination],
  ['scope', (w) => w.sections.scope],
  ['signatures', (w) => w.sections.signatures],
];

/**
 * The whole document as one HTML file: its own CSS (page furniture, fonts from the app's fonts/
 * folder, only the subsets its text needs), no script, a CSP that lets it load nothing but those
 * fonts. The same string is previewed in the app (a sandboxed iframe) and printed.
 */
export function proposalHtml(m: ProposalModel, fonts: FontLibrary, options: { toc: boolean; tocPages?: TocPages } = { toc: false }): ProposalHtml {
  const t = tongue(m.language);
  const toc: TocEntry[] = [
    ...SECTIONS.flatMap(([id, pick], i) => [
      tocEntry(t, `${i + 1}.`, pick),
      ...(id === 'subjects' ? m.subjects.map((s, j) => tocEntryText(`${i + 1}.${j + 1}`, `${s.reference} ${s.displayName}`)) : []),
    ]),
  ];
  const body = [
    headingHtml(m, t),
    options.toc ? tocHtml(t, toc, options.tocPages ?? null) : '',
    measureHtml(m, t, 1),
    subjectsHtml(m, t, 2),
    findingsHtml(m, t, 3),
    exhibitsHtml(m, t, 4),
    exculpatoryHtml(m, t, 5),
    coordinationHtml(m, t, 6),
    scopeHtml(m, t, 7),
    signaturesHtml(m, t, 8),
    fingerprintHtml(m, t),
  ].join('\n');

  const title = plain(t, (w) => w.title[m.measure]);
  const version = plain(t, (w) => w.versionOf(m.version));
  const headerLeft = `${m.case.reference}  ${m.number}  ${version}`;
  const headerRight = [m.demo ? plain(t, (w) => w.demoMark) : '', m.draft ? plain(t, (w) => w.draftMark) : '', plain(t, (w) => w.classification[m.classification], ' ')].filter(Boolean).join('  ');
  const css = documentCss(fonts, { headerLeft, headerRight });
  const screenHeader = `<div class="screen-header"><span>${esc(headerLeft)}</span><span class="right">${esc(headerRight)}</span></div>`;
  // A demo's documents say DEMO across every page, issued or not; a real draft says DRAFT.
  const watermark = m.demo
    ? `<div class="watermark">${esc(plain(t, (w) => w.demoMark))}</div>`
    : m.draft
      ? `<div class="watermark">${label(t, (w) => w.draftMark)}</div>`
      : '';
  const page = `<body>${screenHeader}${watermark}\n${body}\n</body>`;
  // Fonts for exactly the characters on the page (its text, the CSS's strings, the furniture).
  const fontFaces = fonts.fontFaceCss(`${page}${css}0123456789/–\u2002`);
  const html = `<!DOCTYPE html>
<html lang="${t.main}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:">
<title>${esc(`${title} — ${m.number} ${version}`)}</title>
<style>
${fontFaces}
${css}
</style>
</head>
${page}
</html>
`;
  return { html, title, toc: options.toc ? toc : null };
}
