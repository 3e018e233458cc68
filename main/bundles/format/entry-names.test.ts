import { describe, expect, it } from 'vitest';
import { entryNamesProblem, unsafeEntryName } from './entry-names';

describe('entry names', () => {
  it.each(['records/allegations.json', `evidence/${'a'.repeat(64)}`, 'a', 'a-b_c.d/e.f', 'console.json', 'nullable/x', 'com10', 'CONTENT.txt'])('allows %s', (name) => {
    expect(unsafeEntryName(name)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['../x', '".."'],
    ['a/../../x', '".."'],
    ['./a', '"."'],
    ['/etc/passwd', 'absolute'],
    ['a//b', 'empty path segment'],
    ['a/', 'empty path segment'],
    ['a\\b', 'backslash'],
    ['C:/x', 'drive letter'],
    ['c:x', 'drive letter'],
    ['NUL', 'Windows'],
    ['nul.txt', 'Windows'],
    ['dir/Com3.tar.gz', 'Windows'],
    ['LPT9', 'Windows'],
    ['aux', 'Windows'],
    ['a.', 'ending in "."'],
    ['a b', 'characters'],
    ['証拠.pdf', 'characters'],
    ['a\u0000b', 'characters'],
    ['casebundle.json', 'reserves'],
    ['x'.repeat(201), 'longer than 200'],
  ])('refuses %j (%s)', (name, why) => {
    expect(unsafeEntryName(name)).toContain(why);
  });

  it('refuses sets with duplicates, case-only twins and a file that is also a folder', () => {
    expect(entryNamesProblem(['a/b', 'a/c'])).toBeNull();
    expect(entryNamesProblem(['a/b', 'a/b'])?.reason).toBe('a duplicate');
    expect(entryNamesProblem(['a/B', 'a/b'])?.reason).toBe('a duplicate');
    expect(entryNamesProblem(['a', 'a/b'])?.reason).toBe('a name that is both a file and a folder');
    expect(entryNamesProblem(['a/b', 'A'])?.reason).toBe('a name that is both a file and a folder');
  });
});
