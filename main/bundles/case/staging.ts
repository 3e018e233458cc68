import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';

/**
 * Bundles are opened into `<workspace>/.bundle-staging/<uuid>` (on the vault's file system, so that
 * verified evidence moves into the vault with a rename) and the browser host's exported bundles
 * wait in `.bundle-staging/out-<uuid>/` until downloaded. Nothing there outlives the process that
 * made it: the folder is swept when the workspace opens, so an import killed half way leaves nothing.
 */
export const STAGING_DIR = '.bundle-staging';

export const stagingRoot = (workspaceDir: string) => path.join(workspaceDir, STAGING_DIR);

export function newStagingDir(workspaceDir: string, prefix = ''): string {
  fs.mkdirSync(stagingRoot(workspaceDir), { recursive: true });
  return path.join(stagingRoot(workspaceDir), `${prefix}${uuidv7()}`);
}

/** Removes everything a previous run left in staging; answers how many folders went. */
export function sweepStaging(workspaceDir: string): number {
  const root = stagingRoot(workspaceDir);
  let removed = 0;
  for (const name of fs.readdirSync(root, { withFileTypes: true, encoding: 'utf8' }).map((d) => d.name)) {
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export function sweepStagingAtOpen(workspaceDir: string): number {
  return fs.existsSync(stagingRoot(workspaceDir)) ? sweepStaging(workspaceDir) : 0;
}
