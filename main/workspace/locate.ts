import path from 'node:path';

/** The environment variable naming the workspace folder when no `--workspace` flag is given. */
export const WORKSPACE_ENV = 'CASEBENCH_WORKSPACE';
export const WORKSPACE_FLAG = '--workspace';

export interface LocateOptions {
  /** Command-line arguments (process.argv as is: program names in front are ignored). */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Used when neither the flag nor the environment names a folder. */
  defaultDir: string;
}

/**
 * Which workspace folder to open: `--workspace <dir>` or `--workspace=<dir>` (the last one wins),
 * else $CASEBENCH_WORKSPACE, else `defaultDir`. Always an absolute path (relative ones are taken
 * from the current directory). A flag without a value is an error, not a silent fallback: the user
 * meant a folder and must not end up writing to another one.
 */
export function resolveWorkspaceDir({ argv, env, defaultDir }: LocateOptions): string {
  let fromFlag: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === WORKSPACE_FLAG) {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new Error(`${WORKSPACE_FLAG} needs a folder: ${WORKSPACE_FLAG} <dir>`);
      }
      fromFlag = value;
      i += 1;
    } else if (arg.startsWith(`${WORKSPACE_FLAG}=`)) {
      const value = arg.slice(WORKSPACE_FLAG.length + 1);
      if (value === '') throw new Error(`${WORKSPACE_FLAG}= needs a folder: ${WORKSPACE_FLAG}=<dir>`);
      fromFlag = value;
    }
  }
  const fromEnv = env[WORKSPACE_ENV]?.trim();
  const chosen = fromFlag ?? (fromEnv ? fromEnv : undefined) ?? defaultDir;
  return path.resolve(chosen);
}
