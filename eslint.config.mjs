// @ts-check
/**
 * ESLint: typescript-eslint's strict and stylistic type-checked rules, as far as the code can
 * meet them; formatting is Prettier's (eslint-config-prettier turns the overlapping rules off).
 * docs/architecture-checks.md lists what is off and why, and the counts on today's code.
 */
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read the environment through src/config (parsed once with zod at start-up).',
};
const NO_CLOCK = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take `now` from the injected Clock, not from new Date().' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take `now` from the injected Clock, not from Date.now().' },
];

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.azurite/', 'bench/results/', 'appPackage/build/']),
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers in a sentence are ordinary (`${n} dagar`); strings of other types still need a decision.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => res.send(x)` and `return issue(…)` in a function returning void are idioms here, not confusion.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // The same convention as tsc's noUnused*: a leading underscore marks a deliberately unused name.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Interfaces for domain shapes, `type` where a value must fit an index signature (table entities, card JSON).
      '@typescript-eslint/consistent-type-definitions': 'off',
    },
  },
  {
    // The environment is parsed once, with zod, in src/config (called from main.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/main.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV] },
  },
  {
    // One clock (app/ports.ts's systemClock): the layers inside the edge get `now` as an argument.
    // Flat config replaces a rule's options, so this block repeats NO_PROCESS_ENV.
    files: ['src/{domain,app,cards,scheduler,teams}/**/*.ts'],
    ignores: ['src/app/ports.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, ...NO_CLOCK] },
  },
  {
    // Pure domain: no ids or randomness made up here, no process.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Ids and randomness come in as arguments.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/domain reads no environment: values come in as arguments.' }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // A test that meets `undefined` where it expects a value should fail at that line; `!` does exactly that.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
