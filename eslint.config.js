// Lint rules, and the layer rules of ARCHITECTURE.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Only main/ may use Node built-ins.' };
const electron = { name: 'electron', message: 'Only main/app and main/preload may import electron.' };
const mainLayer = { group: ['**/main/**', '../main/*'], message: 'The renderer and shared/ talk to main/ only through the contract.' };
const rendererLayer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };

const restrict = (...rules) => {
  const paths = rules.filter((r) => r.name);
  const patterns = rules.filter((r) => r.group);
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(nodeBuiltins, electron, mainLayer, rendererLayer, { name: 'react', message: 'shared/ is UI-free.' }),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/preload/**'],
    rules: restrict(electron, rendererLayer),
  },
  {
    files: ['main/app/**/*.ts', 'main/preload/**/*.ts'],
    rules: restrict(rendererLayer),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(nodeBuiltins, electron, mainLayer),
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: restrict(electron, rendererLayer, {
      group: ['**/main/**', '!**/main/test-support/**'],
      message: 'End-to-end tests drive the app from outside; only the shared contract types are theirs.',
    }),
  },
);
