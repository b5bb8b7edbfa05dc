// One linter for the tree: typescript-eslint with type information, the architecture's import zones
// (docs/architecture.md), and Prettier's formatting rules switched off (Prettier checks formatting itself).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { raizePlugin } from './deploy/lint/import-zones.rule.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** A connector's write side (C-17): the files that can post, delete or edit on a platform. */
const CONNECTOR_WRITERS = ['services/core/connectors/**/*.writer.ts', 'services/core/connectors/writer-registry.ts'];

/** Repo-relative globs; `only` zones are allow-lists, `forbid` zones deny lists. */
const zones = [
  {
    message:
      'workflow code imports only @temporalio/workflow, @temporalio/common, workflows/ and types from activities/ ' +
      '(it runs in the deterministic sandbox: no Node built-ins, no I/O)',
    importers: ['workflows/**'],
    // Specs run in Node, outside the sandbox: they start workers and read fixtures.
    exceptImporters: ['workflows/**/*.spec.ts'],
    only: {
      paths: ['workflows/**'],
      typePaths: ['activities/**'],
      packages: ['@temporalio/workflow', '@temporalio/common'],
    },
  },
  {
    message: '[C-17] a connector writer is reachable only through the guard (activities/guard)',
    importers: ['**'],
    // A platform's contract tests drive its writer against the platform's emulator; nothing they test ships.
    exceptImporters: ['activities/guard/**', 'services/core/connectors/**', 'test/integration/connectors/**'],
    forbid: CONNECTOR_WRITERS,
  },
  {
    message:
      'a platform folder is reached only through the registries (platform-registry.ts, writer-registry.ts): ' +
      'nothing outside services/core/connectors imports it',
    importers: ['**'],
    exceptImporters: ['services/core/connectors/**', 'test/integration/connectors/**'],
    // One entry per platform folder (PLATFORM_IDS in workflows/contracts/vocabulary/platform-id.ts). Writers
    // have their own, stricter zone above.
    forbid: ['sandbox', 'instagram', 'facebook', 'linkedin', 'x', 'tiktok', 'youtube'].map(
      (p) => `services/core/connectors/${p}/**`,
    ),
    exceptTargets: ['services/core/connectors/**/*.writer.ts'],
  },
  {
    message: 'the API never imports activities/ (they run in the worker, behind the guard)',
    importers: ['services/api/**'],
    forbid: ['activities/**'],
  },
  {
    message: 'activities never import the API',
    importers: ['activities/**'],
    forbid: ['services/api/**'],
  },
  {
    message:
      'the browser (Playwright, profiles decrypted) lives in the runner only (issue #17): activities reach it through ' +
      'the BrowserDriver port in services/core/browser, the API and the worker never load it',
    importers: ['activities/**', 'services/api/**', 'services/worker/**', 'services/gateway/**', 'workflows/**'],
    forbid: ['services/browser/**'],
  },
  {
    message:
      'services/core is the platform layer: it imports no feature (api, worker, gateway, browser, sandbox, activities)',
    importers: ['services/core/**'],
    // A connector's end-to-end spec drives the sandbox platform as its test fixture; nothing it ships does.
    exceptImporters: ['services/core/connectors/**/*.spec.ts'],
    forbid: [
      'services/api/**',
      'services/worker/**',
      'services/gateway/**',
      'services/browser/**',
      'services/sandbox/**',
      'services/emulators/**',
      'activities/**',
    ],
  },
  {
    message:
      'the client review portal (issue #14) ships to people outside the agency: it imports its own folder, the ' +
      'zoned-time helpers and the stylesheet only, never the admin app (screens, GraphQL client, session)',
    importers: ['services/web/src/portal/**'],
    only: {
      paths: ['services/web/src/portal/**', 'services/web/src/time/zoned-time.ts', 'services/web/src/styles.css'],
      packages: ['react', 'react-dom/client'],
    },
  },
  {
    message: 'nothing outside test/ imports test/',
    importers: ['**'],
    exceptImporters: ['test/**'],
    forbid: ['test/**'],
  },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'test-results/**',
      '.raize/**',
      'services/web/src/gql/**',
      'docs/screenshots/**',
      'test/replay/histories/**',
      'policies/dist/**',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { raize: raizePlugin },
    rules: { 'raize/import-zones': ['error', { root, zones }] },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // Each file gets the nearest tsconfig.json: the root one, or services/web's for the admin app.
        projectService: true,
        tsconfigRootDir: root,
        // Nest injects by the constructor's parameter types: consistent-type-imports leaves decorated files alone.
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Build configs of the admin app sit outside both tsconfig projects: linted without type information.
    files: ['services/web/*.{ts,mts}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
