// ESLint guards the walls ARCHITECTURE.md draws ("Walls"), and that every promise is handled.
// It lints with type information (typescript-eslint's project service: tsconfig.json, and
// client/webview/tsconfig.json for the browser code), but runs only the rules below, so
// `npm run lint` stays a few seconds' part of `npm test`.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Import-specifier regexes, one per wall (no-restricted-imports `patterns[].regex`). */
const WALL = {
  /** The editor and the LSP libraries. */
  editor: { regex: '^vscode($|-languageserver|-languageclient|-jsonrpc)', message: 'simulator/ and language/ never see vscode or the LSP connection: handlers/ adapt them.' },
  /** Node's IO modules. */
  io: {
    regex: '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https|module)$',
    message: 'simulator/ and language/ do no IO: the owner (server, CLI, tests) reads and hands the data in (e.g. server/src/schemaFiles.ts).',
  },
  /** The server's own layers above the simulator. */
  aboveSimulator: {
    regex: '^(\\.\\./)+(language|handlers|cli|dryRun|protocol)(/|$)',
    message: 'simulator/ is the bottom layer: it imports nothing from language/, handlers/, cli/, dryRun/ or protocol/.',
  },
  /** The server's layers above the language service. */
  aboveLanguage: {
    regex: '^(\\.\\./)+(handlers|cli|dryRun)(/|$)',
    message: 'language/ never imports handlers/, cli/ or dryRun/: they are built on it.',
  },
  /** The CLI, from anywhere outside it. */
  cli: {
    regex: '^\\.\\.?/(\\.\\./)*(server/src/)?cli(/|$)',
    message: 'Only the CLI (server/src/cli) and tests import server/src/cli: move what is shared to language/, dryRun/ or protocol/.',
  },
  /** The server side, from the client: only protocol/ is shared. */
  serverFromClient: {
    regex: '(^|/)server/src/(?!protocol/)',
    message: 'The client imports from the server side only server/src/protocol/ (requests, preview model, webview messages, versions).',
  },
  /** Leaving protocol/ (its files are imported by the client and the webview). */
  outOfProtocol: {
    // One exception: the simulator's what-if timeline contract, a file of types with no imports (type-only).
    regex: '^\\.\\./(?!simulator/lifecycle/timeline$)',
    message: 'protocol/ files import only each other (and the JSON-RPC message classes): the client and the webview import them.',
  },
  /** The server's JSON-RPC library, from the client. */
  serverLibrary: { regex: '^vscode-languageserver($|/)', message: 'The client never loads the language server\'s library.' },
  /** What the browser bundle must not carry. */
  notInWebview: {
    regex: '^vscode($|-)|(^|/)protocol/(requests|dryRunWorker)$',
    message: 'The webview is browser code: no vscode, no JSON-RPC; it imports only the type-only protocol files (preview, webviewMessages).',
  },
};

const walls = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map(({ regex, message }) => ({ regex, message })) }] });

/** simulator/ and language/ are deterministic: no clock, no randomness. */
const DETERMINISTIC = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'simulator/ and language/ are deterministic: no clock.' },
    { object: 'performance', property: 'now', message: 'simulator/ and language/ are deterministic: no clock.' },
    { object: 'Math', property: 'random', message: 'simulator/ and language/ are deterministic: no randomness.' },
  ],
  'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'simulator/ and language/ are deterministic: no clock.' }],
};

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', '.drydock-e2e/**', '*.vsix'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Every promise is awaited, returned or deliberately `void`ed; none goes where a callback's result is ignored.
      // node:test's test()/suite() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'suite', 'describe', 'it'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      // A require() is a deliberate lazy load, marked where it is made.
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  // The walls: each file gets the one set of its place (a later set would replace, not add to, an earlier one).
  { files: ['server/src/simulator/**/*.ts'], rules: { ...walls(WALL.editor, WALL.io, WALL.aboveSimulator), ...DETERMINISTIC } },
  { files: ['server/src/language/**/*.ts'], rules: { ...walls(WALL.editor, WALL.io, WALL.aboveLanguage), ...DETERMINISTIC } },
  // dryRunWorker.ts types the server's messages to its own worker thread; only the server imports it.
  { files: ['server/src/protocol/**/*.ts'], ignores: ['server/src/protocol/dryRunWorker.ts'], rules: walls(WALL.outOfProtocol) },
  { files: ['client/src/**/*.ts'], rules: walls(WALL.serverFromClient, WALL.serverLibrary) },
  { files: ['client/webview/**/*.ts'], rules: walls(WALL.serverFromClient, WALL.notInWebview) },
  {
    files: ['**/*.ts'],
    ignores: ['server/src/cli/**', 'server/src/simulator/**', 'server/src/language/**', 'server/src/protocol/**', 'client/**', 'test/**'],
    rules: walls(WALL.cli),
  },
);
