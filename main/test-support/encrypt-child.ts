/**
 * A separate process for main/workspace/encryption/*-crash.test.ts, killed at chosen or random
 * moments:
 *
 *   node encrypt-child.mjs convert <workspace> <passphrase> - <N> [crashAt]
 *     opens the plain workspace and encrypts it in place (convert.ts); crashAt names a step
 *     (CONVERT_STEPS) after which the process SIGKILLs itself, or `file:<n>` the n-th evidence
 *     file sealed
 *   node encrypt-child.mjs change <workspace> <old> <new> <N>
 *     changes the passphrase of an encrypted workspace (the parent kills it at a random moment)
 *
 * It prints one line per step reached ("opened", each step, "done"), synchronously, so the parent
 * knows how far it got. N is the scrypt cost (2^N) for the new slots.
 */
import fs from 'node:fs';
import { openWorkspace } from '../workspace/open-workspace';
import { encryptExisting } from '../workspace/encryption/convert';
import { changePassphrase } from '../workspace/encryption/workspace-keys';

const [mode, dir, first, second, cost, crashAt] = process.argv.slice(2) as [string, string, string, string, string, string?];
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const kdf = { name: 'scrypt' as const, N: 2 ** Number(cost), r: 8, p: 1 };
let sealed = 0;

async function main(): Promise<void> {
  if (mode === 'convert') {
    const workspace = openWorkspace(dir);
    say('opened');
    const { key } = await encryptExisting({
      dir,
      db: workspace.db,
      close: () => workspace.close(),
      passphrase: first,
      kdf,
      onStep: (step) => {
        say(step);
        if (step === crashAt) process.kill(process.pid, 'SIGKILL');
      },
      onFileSealed: () => {
        sealed++;
        say(`file:${sealed}`);
        if (`file:${sealed}` === crashAt) process.kill(process.pid, 'SIGKILL');
      },
    });
    openWorkspace(dir, { key }).close();
  } else {
    say('opened');
    await changePassphrase(dir, { kind: 'passphrase', secret: first }, second, kdf);
  }
  say('done');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
