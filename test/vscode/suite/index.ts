/**
 * Entry of the extension-host test run (bundled by test/vscode/runTests.ts; VS Code calls `run`).
 * Runs the scenarios and rejects when one failed, so that the run exits non-zero.
 */
import { runAll } from './runner';
import './scenarios';

export async function run(): Promise<void> {
  const summary = await runAll();
  if (summary.failed > 0) throw new Error(`${summary.failed} of ${summary.passed + summary.failed} Drydock scenarios failed`);
  if (summary.passed === 0) throw new Error('no Drydock scenario ran');
}
