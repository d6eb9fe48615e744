import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Boundaries: the pipeline's arrows point downstream (read → adapt → schema → conversations → kpis
 * → report → render; src/app wires a run together, src/cli parses flags and writes). Each folder of
 * src lists the folders it must not import from. Besides, only src/cli imports src/cli, and only
 * src/cli and the library entry (src/index.ts) import src/app.
 */
const UPSTREAM_OF = {
  read: ['adapt', 'schema', 'conversations', 'kpis', 'report', 'render'],
  adapt: ['conversations', 'kpis', 'report', 'render'],
  schema: ['conversations', 'kpis', 'report', 'render'],
  conversations: ['kpis', 'report', 'render'],
  kpis: ['report', 'render', 'config'],
  report: ['render'],
  render: [],
};

const WHY = {
  cli: 'only src/cli imports src/cli (the command line sits on top of everything)',
  app: 'only src/cli and src/index.ts import src/app (it wires a run; the stages do not know it)',
};

/** One `no-restricted-imports` setting: a file gets exactly one (a later block replaces an earlier one's). */
function forbid(from, folders) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders.map((to) => ({
          regex: `^(\\.\\.?/)+${to}(/|$)`,
          message: WHY[to] ?? `src/${from} must not import src/${to}: the pipeline's arrows point downstream (README, Development)`,
        })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/**/*.ts'], ignores: ['src/cli/**', 'src/index.ts'], rules: forbid('*', ['cli', 'app']) },
  { files: ['src/index.ts'], rules: forbid('index.ts', ['cli']) },
  { files: ['src/app/**/*.ts'], rules: forbid('app', ['cli']) },
  ...Object.entries(UPSTREAM_OF).map(([from, upstream]) => ({
    files: [`src/${from}/**/*.ts`],
    rules: forbid(from, [...upstream, 'cli', 'app']),
  })),
);
