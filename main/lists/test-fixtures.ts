/** Paths to the real list files (read-only: never written) and temp copies for bad-input tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ListParseError } from './common';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** /work/shared/fixtures/sanctions, resolved from the repo root (the folder is read-only). */
export const SANCTIONS = path.resolve(REPO_ROOT, '..', 'shared/fixtures/sanctions');
export const fixture = (...parts: string[]) => path.join(SANCTIONS, ...parts);

let dir: string | null = null;
/** Writes bytes to a new file in a per-run temp folder and returns its path. */
export function tempFile(name: string, bytes: Buffer | string): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-lists-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

export function removeTempFiles(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

/** The first half of a real file, as a download cut short would leave it. */
export function truncatedCopy(source: string, name: string): string {
  const bytes = fs.readFileSync(source);
  return tempFile(name, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

export const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en"><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>
`;

/**
 * The text of the real UN 2020 list with its records `copies` times over, each copy under new
 * references (1,014 entries a copy): a bigger list of real records.
 */
export function unListRepeated(copies: number): string {
  const xml = fs.readFileSync(fixture('un', 'un_consolidated_2020-03-20.xml'), 'utf8');
  const start = xml.indexOf('<INDIVIDUALS>');
  const end = xml.lastIndexOf('</ENTITIES>') + '</ENTITIES>'.length;
  const records = Array.from({ length: copies }, (_, c) =>
    xml.slice(start, end).replace(/<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/g, `<REFERENCE_NUMBER>$1-${c}</REFERENCE_NUMBER>`),
  );
  return xml.slice(0, start) + records.join('') + xml.slice(end);
}

/** Occurrences of a literal string in a file (the tests' independent count of records). */
export function countOccurrences(file: string, needle: string): number {
  const text = fs.readFileSync(file, 'utf8');
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The ListParseError a reader fails with (the test fails if it succeeds or throws anything else). */
export async function failure(p: Promise<unknown>): Promise<ListParseError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ListParseError);
  return err as ListParseError;
}
