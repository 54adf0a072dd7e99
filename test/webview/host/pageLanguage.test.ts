import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageLanguage } from '../../../client/src/preview/pageLanguage';
import type { PreviewModel } from '../../../server/src/protocol/preview';

// Issue #17: the page configures @vscode/l10n with the bundle VS Code loaded (vscode.l10n.bundle); it gets
// it with its first model after each `ready`, and not with the models after that.

const model = { simulation: { nodes: [] } } as unknown as PreviewModel;
const KOREAN = { 'Preview placement': '배치 미리 보기' };

type Step = 'ready' | 'update';
const cases: Array<{ name: string; bundle: Record<string, string> | undefined; steps: Step[]; carries: boolean[] }> = [
  { name: 'the first model after ready carries the bundle, the next ones do not', bundle: KOREAN, steps: ['ready', 'update', 'update', 'update'], carries: [true, false, false] },
  { name: 'a page recreated (ready again) gets the bundle again', bundle: KOREAN, steps: ['ready', 'update', 'update', 'ready', 'update'], carries: [true, false, true] },
  { name: 'a model before any ready carries nothing', bundle: KOREAN, steps: ['update', 'ready', 'update'], carries: [false, true] },
  { name: 'English: no bundle, no l10n field', bundle: undefined, steps: ['ready', 'update', 'update'], carries: [false, false] },
];

for (const c of cases) {
  test(`page language: ${c.name}`, () => {
    const language = new PageLanguage(() => c.bundle);
    const carried: boolean[] = [];
    for (const step of c.steps) {
      if (step === 'ready') {
        language.pageLoaded();
        continue;
      }
      const message = language.updateMessage(model);
      assert.equal(message.type, 'update');
      if (message.type !== 'update') return;
      assert.equal(message.model, model);
      if (message.l10n !== undefined) assert.deepEqual(message.l10n, c.bundle);
      carried.push('l10n' in message);
    }
    assert.deepEqual(carried, c.carries);
  });
}
