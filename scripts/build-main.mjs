// Bundles the Node side into dist/main: the Electron shell, its preload, and the plain-Node host.
// better-sqlite3 stays external (native addon, unpacked from the asar); electron is provided at run time.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // playwright-core: the browser host prints proposals with it (imported only when printing); the desktop app prints with Electron.
  external: ['electron', 'better-sqlite3', 'playwright-core'],
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['main/app/main.ts'], outfile: 'dist/main/app.cjs' }),
  build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: 'dist/main/preload.cjs' }),
  build({ ...common, entryPoints: ['main/host/cli.ts'], outfile: 'dist/main/host.cjs' }),
  // The worker thread that reads big sanctions lists (main/lists/entry-stream.ts finds it next to the above).
  build({ ...common, entryPoints: ['main/lists/read-worker.ts'], outfile: 'dist/main/list-reader.cjs' }),
]);
