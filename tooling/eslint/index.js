// Shared lint rules. `base` for every package; `core` adds the purity rules of @fact/core:
// no workspace imports, no Node built-ins, no clock, no environment (see design.md §1-2).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ignores = { ignores: ['**/dist/**', '**/build/**', '**/.svelte-kit/**', '**/coverage/**', '**/drizzle/**'] };

export const base = tseslint.config(ignores, js.configs.recommended, ...tseslint.configs.recommended, {
  languageOptions: { globals: { ...globals.node } },
  rules: {
    '@typescript-eslint/consistent-type-imports': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'no-restricted-syntax': [
      'error',
      { selector: "ExportAllDeclaration", message: 'Re-export by name: the public surface is explicit.' },
    ],
  },
});

/** Purity rules for the domain core, applied to its sources (tests may use Node). */
export const core = [
  ...base,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@fact/*'], message: '@fact/core imports nothing of the workspace.' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https'], message: '@fact/core does no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No environment in the core: pass it in.' },
        { name: 'parseFloat', message: 'Money is exact: use Decimal.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "ExportAllDeclaration", message: 'Re-export by name: the public surface is explicit.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The clock is injected: take the as-of date as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The clock is injected.' },
      ],
    },
  },
];

export default base;
