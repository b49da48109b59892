// ESLint flat config. Besides the usual TypeScript and React rules it enforces the bulletproof-react
// import direction (shared → features → app): shared code never imports a feature or the app, a
// feature never imports the app or another feature. File names are kebab-case.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const features = fs
  .readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const sharedFolders = ['api', 'components', 'config', 'hooks', 'lib', 'locales', 'testing', 'types', 'utils'].map(
  (folder) => `./src/${folder}`,
);

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'playwright-report', 'test-results', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  jsxA11y.flatConfigs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, import: importPlugin, 'check-file': checkFile },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A scrollable table region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
      'import/no-cycle': 'error',
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            // A feature never imports another feature: the app composes them.
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features may not import other features; compose them in src/app.',
            })),
            { target: './src/features', from: './src/app', message: 'Features may not import the app layer.' },
            {
              // The public response page is its own small entry: it shares nothing with the SPA, so a
              // respondent never downloads the dashboard's libraries.
              target: './src/respond',
              from: './src',
              except: ['./respond', './api'],
              message: 'The public response page (src/respond) may not import the SPA; keep it self-contained.',
            },
            {
              target: sharedFolders,
              from: ['./src/features', './src/app'],
              message: 'Shared code may not import features or the app layer.',
            },
          ],
        },
      ],
      'check-file/filename-naming-convention': [
        'error',
        { 'src/**/*.{ts,tsx}': 'KEBAB_CASE', 'e2e/**/*.ts': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
    },
  },
  {
    // The public response page's budget is 150 KB gzipped: plain React, fetch and its own CSS.
    files: ['src/respond/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@mantine/*',
                '@tanstack/*',
                'i18next',
                'react-i18next',
                'openapi-fetch',
                'react-router',
                'zod',
                'zod/*',
                'react-hook-form',
                '@/*',
                '!@/api',
              ],
              message: 'The public response page stays small: plain React, fetch and its own CSS.',
            },
            {
              // The generated API types cost nothing at run time.
              group: ['@/api/*'],
              allowTypeImports: true,
              message: 'Only type imports from the generated API types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', '*.config.{ts,js}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
