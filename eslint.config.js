import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The engine is pure: no React, no DOM-only code, no Workers. */
const ENGINE_PURE = [
  { group: ['**/ui', '**/ui/**', '../ui/*'], message: 'src/engine must not import from src/ui.' },
  { group: ['**/workers', '**/workers/**', '../workers/*'], message: 'src/engine must not import from src/workers.' },
  { group: ['react', 'react-dom', 'react-dom/*', 'comlink', 'recharts'], message: 'src/engine is framework-free.' },
];
/** The UI draws; only src/workers touches Web Workers. Reading a Worker's source as text (?raw, for the code pane) is allowed. */
const UI_NO_WORKERS = [
  {
    group: ['**/workers/**', '!**/workers/*?raw', 'comlink'],
    message: 'The UI gets its executor from main.tsx; only src/workers knows about Workers.',
  },
];
/** Virtual time (src/engine/testing) makes timers fire without waiting: only tests may use it. */
const TESTS_ONLY = [
  {
    group: ['**/testing', '**/testing/**'],
    message: 'src/**/testing/ holds test helpers (virtual time): only *.test.ts files import them.',
  },
];
const TESTS = ['src/**/*.test.{ts,tsx}', 'src/**/testing/**'];

/** no-restricted-imports per layer; product code additionally may not import the test helpers. */
function importRules() {
  const rule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return [
    { files: ['src/**/*.{ts,tsx}'], ignores: TESTS, rules: rule(TESTS_ONLY) },
    { files: ['src/engine/**/*.ts'], ignores: TESTS, rules: rule([...ENGINE_PURE, ...TESTS_ONLY]) },
    { files: TESTS.map((t) => t.replace('src/', 'src/engine/')), rules: rule(ENGINE_PURE) },
    { files: ['src/ui/**/*.{ts,tsx}'], ignores: TESTS, rules: rule([...UI_NO_WORKERS, ...TESTS_ONLY]) },
    { files: TESTS.map((t) => t.replace('src/', 'src/ui/')), rules: rule(UI_NO_WORKERS) },
  ];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: the code is promise-heavy, and a task kind or message type added later
    // must not fall through a switch unnoticed.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // The bench's driver and the page model it shares with e2e are JavaScript that tsc checks
    // (checkJs, bench/tsconfig.json and tsconfig.node.json): they get the promise rules too.
    files: ['bench/**/*.mjs', 'e2e/**/*.mjs'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The Firefox smoke passes functions to page.evaluate: they run in the page.
    files: ['e2e-firefox/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  ...importRules(),
);
