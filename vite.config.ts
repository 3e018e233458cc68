import react from '@vitejs/plugin-react';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { copyDocumentFonts } from './main/documents/fonts/font-packages.ts';

/** Proposal documents' fonts (main/documents/fonts) into dist/renderer/fonts: both shells serve them, electron-builder packs them. */
const documentFonts = (): Plugin => ({
  name: 'casebench-document-fonts',
  apply: 'build',
  writeBundle(options) {
    copyDocumentFonts(path.resolve('node_modules'), path.join(options.dir ?? path.resolve('dist/renderer'), 'fonts'));
  },
});

// One config for the renderer build and for Vitest (which runs the Node-side tests).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), documentFonts()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
