/**
 * Tier 4, packaging: electron-builder.yml is valid for the installed electron-builder, and a real
 * `electron-builder --dir --linux` run (with a stand-in Electron folder, native rebuild off, no
 * network) produces an app.asar holding exactly what the app needs and nothing of the source tree.
 *
 * Needs `npm run build` first (`npm test` does that before vitest).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoDir = path.resolve(import.meta.dirname, '..');
const requireFromRepo = createRequire(path.join(repoDir, 'package.json'));
// app-builder-lib, builder-util and @electron/fuses come with electron-builder: resolve them from there.
const requireFromBuilder = createRequire(requireFromRepo.resolve('electron-builder/package.json'));
const requireFromLib = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));

type BuilderConfig = Record<string, unknown> & {
  files?: unknown[];
  asarUnpack?: string[];
  linux?: { target?: unknown[]; category?: string; maintainer?: string; icon?: string };
};
const { getConfig, validateConfiguration } = requireFromLib('./out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = requireFromLib('js-yaml') as { load(text: string): unknown };
const asar = requireFromRepo('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, filename: string): { unpacked?: boolean };
  extractFile(archive: string, filename: string): Buffer;
};
const fuses = requireFromLib('@electron/fuses') as {
  getCurrentFuseWire(file: string): Promise<Record<string, number | string>>;
};
const { SENTINEL, FuseState } = requireFromLib('@electron/fuses/dist/constants') as {
  SENTINEL: string;
  FuseState: { ENABLE: number; DISABLE: number };
};

const CONFIG_FILE = 'electron-builder.yml';
const repoFile = (...parts: string[]) => path.join(repoDir, ...parts);

describe('electron-builder.yml', () => {
  /** As electron-builder loads it (normalised, merged with package.json). */
  let config: BuilderConfig;
  /** As written. */
  let raw: BuilderConfig;

  beforeAll(async () => {
    config = await getConfig(repoDir, CONFIG_FILE, null);
    raw = yaml.load(fs.readFileSync(repoFile(CONFIG_FILE), 'utf8')) as BuilderConfig;
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked by a validator that does reject mistakes', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
    await expect(
      validateConfiguration({ ...config, linux: { ...config.linux, catgory: 'Office' } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.linux/);
    await expect(
      validateConfiguration({ ...config, nsis: { oneClick: 'sometimes' } }, new DebugLogger(false)),
    ).rejects.toThrow(/oneClick/);
  });

  it('names the app, its output folder and its targets', () => {
    expect(raw).toMatchObject({
      appId: 'org.casebench.app',
      productName: 'Casebench',
      directories: { output: 'release', buildResources: 'resources' },
      asar: true,
      npmRebuild: true,
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
    expect(raw.linux?.target).toEqual(['AppImage', 'deb']);
    expect(raw.linux?.category).toBe('Office');
    expect(raw.linux?.maintainer).toBeTruthy();
  });

  it('ships only the built shell and renderer, and unpacks better-sqlite3', () => {
    const files = (raw.files ?? []).map(String);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'dist/main/app.cjs', 'dist/main/preload.cjs', 'dist/renderer/**', '!**/*.map']),
    );
    for (const pattern of files.filter((f) => !f.startsWith('!'))) {
      expect(pattern).not.toMatch(/host|^dist\/main\/\*|^main\/|^shared\/|^renderer\/|^e2e|^scripts|^src/);
    }
    expect(raw.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('has a 512×512 PNG icon', () => {
    const icon = fs.readFileSync(repoFile(raw.linux?.icon ?? 'resources/icon.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('has better-sqlite3 as the only production dependency (all else is bundled)', () => {
    const pkg = JSON.parse(fs.readFileSync(repoFile('package.json'), 'utf8')) as {
      main: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['better-sqlite3']);
    expect(pkg.devDependencies).toHaveProperty('electron');
    expect(pkg.main).toBe('dist/main/app.cjs');
  });
});

describe('electron-builder --dir --linux with a stand-in Electron', () => {
  let work: string;
  let appOutDir: string;
  let archive: string;
  let entries: string[];
  let builderLog = '';

  beforeAll(() => {
    const missing = ['dist/main/app.cjs', 'dist/main/preload.cjs', 'dist/main/list-reader.cjs', 'dist/renderer/index.html'].filter(
      (file) => !fs.existsSync(repoFile(file)),
    );
    if (missing.length > 0) {
      throw new Error(`Packaging needs the build output (missing: ${missing.join(', ')}). Run \`npm run build\` first.`);
    }

    work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-packaging-'));
    // The stand-in Electron: an executable named `electron` carrying a fuse wire (so that
    // electronFuses is applied for real), with the files an unpacked Electron ships beside it.
    const electronDist = path.join(work, 'electron-dist');
    fs.mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
    fs.mkdirSync(path.join(electronDist, 'resources'), { recursive: true });
    const wire = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE)); // Electron's defaults
    fs.writeFileSync(
      path.join(electronDist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in Electron for the packaging test"\nexit 0\n# '),
        Buffer.from(SENTINEL, 'ascii'),
        Buffer.from([1, wire.length, ...wire]),
        Buffer.from('\n'),
      ]),
      { mode: 0o755 },
    );
    fs.writeFileSync(path.join(electronDist, 'LICENSE'), 'stand-in');
    fs.writeFileSync(path.join(electronDist, 'version'), '38.0.0');
    fs.writeFileSync(path.join(electronDist, 'locales', 'en-US.pak'), '');

    const output = path.join(work, 'release');
    const unreachable = 'http://127.0.0.1:9'; // any download attempt fails instead of hanging
    const result = spawnSync(
      process.execPath,
      [
        requireFromRepo.resolve('electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      {
        cwd: repoDir,
        encoding: 'utf8',
        timeout: 110_000,
        env: {
          // Not VITEST: under it electron-builder mutes its log and hard-links files into the output.
          ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
          CI: 'true',
          HTTP_PROXY: unreachable,
          HTTPS_PROXY: unreachable,
          http_proxy: unreachable,
          https_proxy: unreachable,
          NO_PROXY: '',
          no_proxy: '',
          ELECTRON_GET_USE_PROXY: 'true',
          npm_config_offline: 'true',
          CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        },
      },
    );
    builderLog = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    if (result.status !== 0) {
      throw new Error(`electron-builder failed (${result.error?.message ?? `exit ${result.status}`}):\n${builderLog}`);
    }
    appOutDir = path.join(output, 'linux-unpacked');
    archive = path.join(appOutDir, 'resources', 'app.asar');
    entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  }, 120_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('used the stand-in Electron and downloaded nothing', () => {
    expect(builderLog).toMatch(/using custom unpacked Electron distribution/);
    expect(builderLog).not.toMatch(/downloading|downloaded/i);
    expect(fs.existsSync(path.join(appOutDir, 'casebench'))).toBe(true);
  });

  it('packs the shell, the preload, the list reader, the renderer and package.json', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/dist/main/app.cjs',
        '/dist/main/preload.cjs',
        '/dist/main/list-reader.cjs',
        '/dist/renderer/index.html',
      ]),
    );
    const renderer = fs.readdirSync(repoFile('dist/renderer'), { recursive: true, withFileTypes: true });
    for (const file of renderer.filter((f) => f.isFile() && !f.name.endsWith('.map'))) {
      const relative = path.relative(repoFile('dist/renderer'), path.join(file.parentPath, file.name));
      expect(entries).toContain(`/dist/renderer/${relative.replaceAll('\\', '/')}`);
    }
  });

  it('packs a package.json whose main is the shell and which needs only better-sqlite3', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
      main: string;
      dependencies?: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/main/app.cjs');
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['better-sqlite3']);
  });

  it('leaves out the host, source maps, sources, tests, e2e and scripts', () => {
    const offenders = entries.filter(
      (entry) =>
        entry.endsWith('/host.cjs') ||
        entry.endsWith('.map') ||
        /\.(ts|tsx|mts|cts)$/.test(entry) ||
        /\.(test|spec)\.[a-z]+$/.test(entry) ||
        /^\/(main|shared|renderer|e2e|scripts|resources|src|test-results|release|\.ci)(\/|$)/.test(entry) ||
        /^\/(electron-builder\.yml|vite\.config\.ts|playwright\.config\.ts|tsconfig[^/]*\.json|package-lock\.json)$/.test(entry),
    );
    expect(offenders).toEqual([]);
    const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(entries.filter((e) => e.startsWith('/dist/main/'))).toEqual(['/dist/main/app.cjs', '/dist/main/list-reader.cjs', '/dist/main/preload.cjs']);
  });

  it('packs no node module but better-sqlite3 and what it loads at run time', () => {
    const modules = new Set(entries.filter((e) => /^\/node_modules\/[^/]+$/.test(e)).map((e) => e.split('/')[2]));
    expect([...modules].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(entries.some((e) => e.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
    expect(entries.some((e) => e.startsWith('/node_modules/better-sqlite3/src/'))).toBe(false);
  });

  it('unpacks the better-sqlite3 native addon beside the asar', () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(entries).toContain(`/${addon}`);
    expect(asar.statFile(archive, addon).unpacked).toBe(true);
    const unpacked = path.join(appOutDir, 'resources', 'app.asar.unpacked', addon);
    expect(fs.statSync(unpacked).size).toBeGreaterThan(100_000);
    expect(fs.readFileSync(unpacked).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });

  it('flips the Electron fuses in the packaged executable', async () => {
    const wire = await fuses.getCurrentFuseWire(path.join(appOutDir, 'casebench'));
    const { ENABLE, DISABLE } = FuseState;
    expect(wire).toMatchObject({
      '0': DISABLE, // RunAsNode
      '1': ENABLE, // EnableCookieEncryption
      '2': DISABLE, // EnableNodeOptionsEnvironmentVariable
      '3': DISABLE, // EnableNodeCliInspectArguments
      '4': ENABLE, // EnableEmbeddedAsarIntegrityValidation
      '5': ENABLE, // OnlyLoadAppFromAsar
      '6': DISABLE, // LoadBrowserProcessSpecificV8Snapshot
      '7': DISABLE, // GrantFileProtocolExtraPrivileges
    });
  });
});
