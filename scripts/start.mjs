// `npm start` (after `npm run build`): the Electron app when its binary is installed; otherwise the
// same workbench through the loopback host, in an installed Chromium/Chrome app window.
// Arguments are passed through: `npm start -- --workspace /path/to/workspace`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { browserArgs, fallbackMessage, findBrowser, findElectron, parseHostUrl, runningAsRoot } from './launcher.mjs';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function runElectron(electron) {
  const child = spawn(electron, [repoDir, ...args], { stdio: 'inherit', cwd: repoDir });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function runInBrowser() {
  const hostScript = path.join(repoDir, 'dist', 'main', 'host.cjs');
  if (!fs.existsSync(hostScript)) {
    console.error(`${path.relative(process.cwd(), hostScript)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const host = spawn(process.execPath, [hostScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'], cwd: repoDir });
  /** @type {import('node:child_process').ChildProcess | null} */
  let browser = null;
  let profileDir = null;
  let stopping = false;

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill('SIGTERM');
    if (host.exitCode === null) host.kill('SIGTERM');
    const done = () => {
      if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      process.exit(code);
    };
    if (host.exitCode === null) {
      host.once('exit', done);
      setTimeout(() => host.kill('SIGKILL'), 5000).unref();
    } else done();
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  host.on('exit', (code) => {
    if (!stopping) {
      if (code !== 0) console.error(`The Casebench host stopped (exit code ${code}).`);
      stop(code ?? 1);
    }
  });

  const lines = readline.createInterface({ input: host.stdout });
  let started = false;
  lines.on('line', (line) => {
    const url = started ? null : parseHostUrl(line);
    if (!url) {
      process.stdout.write(`${line}\n`);
      return;
    }
    started = true;
    const executable = findBrowser();
    console.log(fallbackMessage({ url, browser: executable }));
    if (!executable) {
      console.log('Press Ctrl+C to stop.');
      return;
    }
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-browser-'));
    browser = spawn(executable, browserArgs({ url, userDataDir: profileDir, isRoot: runningAsRoot() }), {
      stdio: 'ignore',
    });
    browser.on('error', (error) => {
      console.error(`Could not start ${executable}: ${error.message}. Open ${url} yourself; Ctrl+C stops.`);
      browser = null;
    });
    const launchedAt = Date.now();
    browser.on('exit', (code) => {
      // A browser that dies at once (no display, a broken profile) did not show the workbench:
      // keep serving, so the user can open the URL elsewhere. Closing the window stops everything.
      if (code !== 0 && Date.now() - launchedAt < 5000) {
        console.error(`${path.basename(executable)} exited at once (code ${code}). Open ${url} in a browser; Ctrl+C stops.`);
        browser = null;
        return;
      }
      stop(0);
    });
  });
}

const electron = findElectron();
if (electron) runElectron(electron);
else runInBrowser();
