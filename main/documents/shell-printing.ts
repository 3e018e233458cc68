import type { PdfPrinter } from './printer';

/**
 * What the desktop shell lends the documents service: Electron's printer and its folder chooser.
 * main/app registers them at start-up (it alone may import Electron); a workbench opened without
 * its own `printer` / `chooseFolder` options uses them, and otherwise prints with the installed
 * Chromium and has no chooser (the browser host downloads instead).
 */
export interface ShellPrinting {
  printer: PdfPrinter;
  chooseFolder: () => Promise<string | null>;
}

let registered: ShellPrinting | null = null;

export function registerShellPrinting(printing: ShellPrinting): void {
  registered = printing;
}

export const shellPrinting = (): ShellPrinting | null => registered;
