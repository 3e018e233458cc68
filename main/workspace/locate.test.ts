import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspaceDir, WORKSPACE_ENV } from './locate';

const defaultDir = path.resolve('/data/casebench/workspace');
const locate = (argv: string[], env: Record<string, string | undefined> = {}) =>
  resolveWorkspaceDir({ argv, env, defaultDir });

describe('resolveWorkspaceDir', () => {
  it('uses the default folder when nothing else is given', () => {
    expect(locate(['/usr/bin/electron', 'dist/main/app.cjs'])).toBe(defaultDir);
  });

  it('takes --workspace <dir>', () => {
    expect(locate(['electron', '.', '--workspace', '/tmp/ws1'])).toBe(path.resolve('/tmp/ws1'));
  });

  it('takes --workspace=<dir>', () => {
    expect(locate(['node', 'host.cjs', '--workspace=/tmp/ws2', '--port', '0'])).toBe(path.resolve('/tmp/ws2'));
  });

  it('keeps an = sign inside the folder name', () => {
    expect(locate(['--workspace=/tmp/a=b'])).toBe(path.resolve('/tmp/a=b'));
  });

  it('lets the last flag win', () => {
    expect(locate(['--workspace', '/tmp/first', '--workspace=/tmp/second'])).toBe(path.resolve('/tmp/second'));
  });

  it('prefers the flag over the environment', () => {
    expect(locate(['--workspace', '/tmp/flag'], { [WORKSPACE_ENV]: '/tmp/env' })).toBe(path.resolve('/tmp/flag'));
  });

  it('falls back to CASEBENCH_WORKSPACE', () => {
    expect(locate(['electron', '.'], { [WORKSPACE_ENV]: '/tmp/env' })).toBe(path.resolve('/tmp/env'));
  });

  it('ignores an empty or blank CASEBENCH_WORKSPACE', () => {
    expect(locate([], { [WORKSPACE_ENV]: '' })).toBe(defaultDir);
    expect(locate([], { [WORKSPACE_ENV]: '   ' })).toBe(defaultDir);
  });

  it('makes a relative folder absolute from the current directory', () => {
    expect(locate(['--workspace', 'rel/ws'])).toBe(path.resolve(process.cwd(), 'rel/ws'));
  });

  it('refuses a flag without a folder instead of silently using another one', () => {
    expect(() => locate(['--workspace'])).toThrow(/needs a folder/);
    expect(() => locate(['--workspace', '--port', '3000'])).toThrow(/needs a folder/);
    expect(() => locate(['--workspace='])).toThrow(/needs a folder/);
  });

  it('ignores look-alike flags and anything after --', () => {
    expect(locate(['--workspaces', '/tmp/x', '--', '--workspace', '/tmp/y'])).toBe(defaultDir);
  });
});
