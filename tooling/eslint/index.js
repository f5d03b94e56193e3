// Shared ESLint setup: typescript-eslint's type-aware recommended rules plus the few rules
// this codebase leans on (no raw process.env outside env files, no floating promises).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { boundaries } from './boundaries.js';

/**
 * `layer` and `self` place the package in the dependency direction (see boundaries.js):
 * 'package', 'spa', 'server' or 'tests', and the package's own name.
 */
export function config({ tsconfigRootDir, react = false, layer, self }) {
  return tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', '.turbo/**', '*.config.*'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
        globals: { ...globals.node, ...(react ? globals.browser : {}) },
      },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        'no-restricted-properties': [
          'error',
          { object: 'process', property: 'env', message: 'Read configuration in env.ts only.' },
        ],
      },
    },
    {
      files: [
        '**/env.ts',
        '**/*.test.ts',
        '**/test/**',
        '**/e2e/**',
        '**/bench/**',
        '**/scripts/**',
      ],
      rules: { 'no-restricted-properties': 'off' },
    },
    {
      // Asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
      files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**', '**/e2e/**'],
      rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
    },
    ...(react ? [reactHooks.configs.flat.recommended] : []),
    ...boundaries({ layer, self }),
  );
}
