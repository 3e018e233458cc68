import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the renderer build and for Vitest (which runs the Node-side tests).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
