import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // The Firefox smoke passes functions to page.evaluate: they run in the page.
    files: ['e2e-firefox/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The engine is pure: no React, no DOM-only code, no Workers.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui', '**/ui/**', '../ui/*'], message: 'src/engine must not import from src/ui.' },
            { group: ['**/workers', '**/workers/**', '../workers/*'], message: 'src/engine must not import from src/workers.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'comlink', 'recharts'], message: 'src/engine is framework-free.' },
          ],
        },
      ],
    },
  },
  {
    // The UI draws; only src/workers touches Web Workers.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Reading a Worker's source as text (?raw, for the code pane) is allowed; running it is not.
              group: ['**/workers/**', '!**/workers/*?raw', 'comlink'],
              message: 'The UI gets its executor from main.tsx; only src/workers knows about Workers.',
            },
          ],
        },
      ],
    },
  },
);
