import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench } from '../workbench';
import { resolveWorkspaceDir } from '../workspace/locate';
import { defaultUserDataDir, defaultWorkspaceDir } from '../workspace/user-data';
import { startHost } from './server';

/**
 * `node dist/main/host.cjs [--workspace DIR] [--port N] [--create-unencrypted]`: serves the workbench
 * to a browser on this machine. Prints one machine-readable line with the URL (which carries the
 * per-run token). `--create-unencrypted` (tests, dev) makes a new folder a plain workspace at once
 * instead of asking for a passphrase first; an existing workspace is opened as it is.
 */
function option(argv: string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index === -1) return undefined;
  const arg = argv[index] ?? '';
  return arg.includes('=') ? arg.slice(name.length + 1) : argv[index + 1];
}

/** dist/main/host.cjs sits two folders below package.json. */
function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const workspaceDir = resolveWorkspaceDir({
    argv,
    env: process.env,
    defaultDir: defaultWorkspaceDir(defaultUserDataDir()),
  });
  const workbench = openWorkbench({
    workspaceDir,
    appVersion: packageVersion(),
    createUnencrypted: argv.includes('--create-unencrypted'),
  });
  const host = await startHost({
    router: workbench.router,
    evidence: workbench.evidence,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    port: Number(option(argv, '--port') ?? 0),
  });
  process.stdout.write(`CASEBENCH_HOST_URL=${host.url}\n`);

  const stop = () => {
    void host.close().then(() => {
      workbench.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[casebench] the host could not start:', error);
  process.exit(1);
});
