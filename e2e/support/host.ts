import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './api';

export interface RunningHost {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export interface HostOptions {
  extraArgs?: string[];
  /**
   * The investigator identity to give the workspace before the page opens, as a first-run user
   * would; null leaves it unset, so the first-run prompt shows.
   */
  identity?: { name: string; organisation: string } | null;
  /**
   * false: a new folder waits for the first-run "Create your workspace" (a passphrase) as a user's
   * would. By default (true) it becomes a plain workspace at once (host --create-unencrypted), so
   * specs that are not about the workspace lock start straight at the case list.
   */
  createUnencrypted?: boolean;
}

export const TEST_IDENTITY = { name: '田中 愛子', organisation: 'Human Rights Now' };

/** Starts the built host (`dist/main/host.cjs`) on a workspace folder, as a user's machine would. */
export async function startHost(workspaceDir: string, options: HostOptions = {}): Promise<RunningHost> {
  const createUnencrypted = options.createUnencrypted ?? true;
  const host = await spawnHost(workspaceDir, [...(createUnencrypted ? ['--create-unencrypted'] : []), ...(options.extraArgs ?? [])]);
  const identity = options.identity === undefined ? TEST_IDENTITY : options.identity;
  // A workspace that did not open cannot take one; those tests are about exactly that.
  if (identity) await call(host, 'identity.set', identity).catch(ignoreUnavailableWorkspace);
  return host;
}

async function spawnHost(workspaceDir: string, extraArgs: string[]): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, ['dist/main/host.cjs', '--workspace', workspaceDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /CASEBENCH_HOST_URL=(\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A workspace folder of the test's own under the OS temp dir. */
export function tempWorkspace(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-e2e-'));
}

function ignoreUnavailableWorkspace(error: unknown): void {
  if (!/WORKSPACE_UNAVAILABLE|WORKSPACE_NOT_UNLOCKED/.test(String(error))) throw error;
}

/** The workspace and host of the running test (see hostPerTest); `host` may be replaced by a restart. */
export interface TestHost {
  workspace: string;
  host: RunningHost;
}

/**
 * Gives each test of the calling spec file a fresh workspace folder with a host on it, and stops
 * the host and removes the folder after the test. Read `.host` and `.workspace` inside tests.
 */
export function hostPerTest(options: HostOptions = {}): TestHost {
  const current = {} as TestHost;
  test.beforeEach(async () => {
    current.workspace = tempWorkspace();
    current.host = await startHost(current.workspace, options);
  });
  test.afterEach(async () => {
    await current.host?.stop();
    fs.rmSync(current.workspace, { recursive: true, force: true });
  });
  return current;
}
