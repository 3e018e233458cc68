import type { DocWords } from '../../dictionary';
import { label, type Tongue } from '../tongue';

/** "3. 行為の概要及び認定 Summary of the conduct and findings" */
export function sectionHeading(t: Tongue, n: number, pick: (w: DocWords) => string): string {
  return `<h2>${n}. ${label(t, pick)}</h2>`;
}

/** "3.2 A-2 …" */
export function subHeading(number: string, html: string, id?: string): string {
  return `<h3${id ? ` id="${id}"` : ''}>${number} ${html}</h3>`;
}
