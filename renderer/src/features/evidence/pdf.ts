/**
 * pdf.js, loaded only when a PDF is previewed. The worker is a bundled asset of our own origin
 * (worker-src 'self'); eval is switched off, forms, scripts and XFA are never run.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

export function openPdf(data: ArrayBuffer) {
  return getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    enableXfa: false,
    // Fonts the PDF does not embed are left to the system rather than fetched from anywhere.
    useSystemFonts: true,
    stopAtErrors: false,
  });
}
