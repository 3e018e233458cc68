// Types for launcher.mjs (plain JS so that `node scripts/start.mjs` needs no build step).
export declare const HOST_URL_PREFIX: 'CASEBENCH_HOST_URL=';
type Env = Record<string, string | undefined>;
export declare function findElectron(deps?: { resolve?: () => string; exists?: (file: string) => boolean }): string | null;
export declare function browserCandidates(options?: {
  platform?: NodeJS.Platform;
  env?: Env;
  home?: string;
}): { absolute: string[]; onPath: string[] };
export declare function findBrowser(options?: {
  platform?: NodeJS.Platform;
  env?: Env;
  home?: string;
  isExecutable?: (file: string) => boolean;
}): string | null;
export declare function browserArgs(options: { url: string; userDataDir: string; isRoot?: boolean }): string[];
export declare function parseHostUrl(line: string): string | null;
export declare function runningAsRoot(): boolean;
export declare function fallbackMessage(options: { url: string; browser: string | null }): string;
