/**
 * Printing a document's HTML to PDF: one interface, two Chromiums. In the desktop app,
 * Electron's webContents.printToPDF (main/app/print-to-pdf.ts); in the browser host and in tests,
 * Playwright driving the installed Chromium (playwright-printer.ts). Page size, margins, running
 * header and "n / N" are the document's own CSS (@page), so both print the same.
 *
 * The page a printer opens may load nothing but the document and its fonts: `fonts/<file>` URLs,
 * answered from `fontFile`. Anything else it asks for is refused.
 */
export interface PrintOptions {
  /** A PDF outline (bookmarks) from the document's headings; also how a first printing tells the pages of the table of contents. */
  outline: boolean;
  /**
   * Two printings of one page: given the first PDF, says which elements' text to change (by id),
   * and the page, changed so, is printed again (a table of contents learns its pages from the first
   * printing). Changing text in the laid-out page instead of loading the document again spares a
   * second load of the page and its fonts; the caller's final HTML holds the same text.
   */
  revise?: (first: Uint8Array) => Promise<Record<string, string>>;
}

export interface PdfPrinter {
  printToPdf(html: string, options: PrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Resolves a document's font URL (fonts/noto-sans-jp-12-400-normal.woff2) to the file, or null. */
export type FontFileResolver = (url: string) => string | null;
