import { RICH_TEXT_CSS } from '../../richtext/html';
import { cssString } from './escape';

export interface PageFurniture {
  /** Left of the running header: case reference, document number and version. */
  headerLeft: string;
  /** Right of the running header: the classification marking (and the draft mark). */
  headerRight: string;
}

/**
 * The document's stylesheet. Page furniture is CSS (@page margin boxes), not Chromium's
 * header/footer templates: margin boxes are laid out with the document's own fonts, so the header
 * and "n / N" are set in the bundled Noto like the rest, and the same CSS prints the same in
 * Electron and in Playwright's Chromium.
 */
export function documentCss(fonts: { serif: string; sans: string }, page: PageFurniture): string {
  return `
@page {
  size: A4;
  margin: 24mm 18mm 20mm 20mm;
  @top-left { content: ${cssString(page.headerLeft)}; font-family: ${fonts.sans}; font-size: 7.5pt; color: #333; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(page.headerRight)}; font-family: ${fonts.sans}; font-weight: 700; font-size: 8.5pt; color: #9b1c1c; vertical-align: bottom; padding-bottom: 3mm; white-space: nowrap; }
  @bottom-center { content: counter(page) "\\2002/\\2002" counter(pages); font-family: ${fonts.sans}; font-size: 8pt; color: #333; }
}
html { font-family: ${fonts.serif}; font-size: 9.5pt; line-height: 1.65; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6, th, caption, .sans, .heading-table, .toc, .signature, .fingerprint, .mark { font-family: ${fonts.sans}; }
h1 { font-size: 16pt; line-height: 1.35; margin: 0 0 2mm; text-align: center; }
h1 .tr { display: block; font-size: 11pt; font-weight: 400; }
h2 { font-size: 12pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #333; }
h3 { font-size: 10.5pt; margin: 5mm 0 1.5mm; }
h4, h5, h6 { font-size: 9.5pt; margin: 3mm 0 1mm; }
h2 .tr, h3 .tr, h4 .tr { font-weight: 400; font-size: 0.9em; margin-left: 0.4em; }
h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
/* A heading and what it introduces stay together: no heading alone at the foot of a page. */
.keep { break-inside: avoid; }
p { margin: 0 0 1.6mm; orphans: 3; widows: 3; }
p.tr, div.tr { color: #333; }
.tr { font-size: 0.92em; }
th .tr, td .label .tr, .heading-table th .tr { display: block; font-weight: 400; font-size: 0.85em; color: #444; }
.sep { color: #666; }
table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 3mm; font-size: 8.5pt; line-height: 1.5; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #777; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #eef0f3; font-weight: 700; }
td.hash { font-family: ${fonts.sans}; font-size: 7.5pt; color: #333; white-space: nowrap; }
td.hash .value { letter-spacing: 0.02em; color: #111; }
tbody.exhibit { break-inside: avoid; page-break-inside: avoid; }
td.num { white-space: nowrap; }
.heading-table { width: 100%; margin-bottom: 4mm; }
.heading-table th { width: 30%; }
.classification { text-align: center; font-family: ${fonts.sans}; font-weight: 700; color: #9b1c1c; font-size: 11pt; letter-spacing: 0.1em; margin-bottom: 3mm; }
.classification .tr { margin-left: 0.8em; font-size: 10pt; }
.draft-banner { text-align: center; font-family: ${fonts.sans}; font-weight: 700; color: #9b1c1c; border: 1pt solid #9b1c1c; padding: 1mm; margin-bottom: 3mm; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-family: ${fonts.sans}; font-size: 80pt; font-weight: 700; color: rgba(155, 28, 28, 0.08); transform: rotate(-30deg); pointer-events: none; }
.subject { margin-bottom: 5mm; }
.annex th { width: 24%; }
.subject table.annex { margin: 0; }
.subject .keep + table.annex tr:first-child > * { border-top: none; }
.subject h4 { margin-top: 3mm; }
.names li, .plain-list li { margin: 0; }
ul.plain-list { margin: 0; padding-left: 1.2em; }
.note { font-size: 8pt; color: #444; }
.outcome { font-family: ${fonts.sans}; font-weight: 700; }
.outcome.met { color: #14532d; }
.outcome.not_met, .outcome.undetermined { color: #9b1c1c; }
.rich { margin: 1mm 0 3mm; }
.rich h1, .rich h2, .rich h3 { font-size: 9.5pt; border: none; margin: 2mm 0 1mm; }
.rich blockquote { margin: 1mm 0 1mm 4mm; padding-left: 3mm; border-left: 1.5pt solid #999; }
.rich table { font-size: 8.5pt; }
a { color: inherit; text-decoration: none; }
a.exhibit-ref { text-decoration: underline; text-decoration-thickness: 0.4pt; }
.toc { break-after: page; }
.toc table { font-size: 9pt; }
.toc td { border: none; border-bottom: 0.5pt dotted #999; padding: 1.2mm 1mm; }
.toc tr.sub td.title { padding-left: 7mm; }
.toc td.pg { width: 12mm; text-align: right; vertical-align: bottom; }
.signatures { display: flex; gap: 8mm; break-inside: avoid; margin-top: 4mm; }
.signature { flex: 1; border: 0.5pt solid #777; padding: 3mm; min-height: 38mm; }
.signature .role { font-weight: 700; margin-bottom: 2mm; }
.signature .line { border-bottom: 0.5pt solid #333; height: 9mm; margin: 1mm 0 2mm; }
.fingerprint { break-inside: avoid; margin-top: 8mm; border: 0.8pt solid #333; padding: 3mm 4mm; }
.fingerprint .value { font-size: 9pt; font-weight: 700; word-break: break-all; margin: 1.5mm 0; }
.fingerprint p { font-size: 8pt; }
.screen-header { display: none; }
@media screen {
  html { background: #e9ecef; }
  body { width: 210mm; margin: 6mm auto; background: #fff; padding: 18mm 18mm 20mm 20mm; box-sizing: border-box; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .screen-header { display: flex; justify-content: space-between; font-family: ${fonts.sans}; font-size: 7.5pt; color: #333; border-bottom: 0.5pt solid #bbb; margin-bottom: 5mm; padding-bottom: 1mm; }
  .screen-header .right { color: #9b1c1c; font-weight: 700; }
  .watermark { position: absolute; top: 30mm; }
}
${RICH_TEXT_CSS}
`;
}
