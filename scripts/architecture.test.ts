import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of ARCHITECTURE.md live in eslint.config.js; these prove they bite.
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? 0;
}

describe('layer rules', () => {
  it.each([
    ['shared/domain/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['shared/domain/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['shared/domain/x.ts', "import { openWorkbench } from '../../main/workbench'; export const a = openWorkbench;"],
    ['main/services/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['main/services/x.ts', "import { invoke } from '../../renderer/src/api/client'; export const a = invoke;"],
    ['renderer/src/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['renderer/src/x.ts', "import { openWorkbench } from '../../main/workbench'; export const a = openWorkbench;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['e2e/x.spec.ts', "import { openWorkbench } from '../main/workbench'; export const a = openWorkbench;"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(1);
  });

  it.each([
    ['main/app/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['main/services/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract'; export const a = contract;"],
    ['shared/domain/x.ts', "import { z } from 'zod'; export const a = z;"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
