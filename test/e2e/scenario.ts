/**
 * One end-to-end scenario: its own browser window on its own fresh copy of a fixture folder, its
 * screenshots in test-artifacts/e2e/<scenario>/ (this run's only), and on failure a last screenshot
 * and code-server's logs. Shared by the e2e test files; each hands in its code-server and browser.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, type RunningCodeServer } from './codeServer';
import { Workbench } from './workbench';

export interface ScenarioSetup {
  /** The code-server and the browser, started in the file's `before` (read when a scenario runs). */
  server(): RunningCodeServer;
  browser(): Browser;
  /** The folder copied for each scenario; test/e2e/workspace when unset. */
  fixture?: string;
}

export type Scenario = (name: string, body: (workbench: Workbench) => Promise<void>, options?: { skip?: string }) => void;

export function scenarios(setup: ScenarioSetup): Scenario {
  return (name, body, options = {}) => {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    it(name, { timeout: 240_000, skip: options.skip ?? false }, async () => {
      for (const dir of [join(ARTIFACTS, slug), join(ARTIFACTS, 'logs', slug)]) rmSync(dir, { recursive: true, force: true });
      const server = setup.server();
      const workbench = await Workbench.open(setup.browser(), server, server.workspace(slug, setup.fixture), slug);
      try {
        await body(workbench);
        await workbench.screenshot('end');
      } catch (error) {
        const shot = await workbench.screenshot('FAILED');
        server.saveLogs(slug);
        throw Object.assign(error as Error, { message: `${(error as Error).message}\nscreenshot: ${shot}` });
      } finally {
        await workbench.close();
      }
    });
  };
}
