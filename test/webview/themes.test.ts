import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { WEBVIEW_STYLES } from '../../client/src/preview/html';
import { contrastOnPage } from './harness/pageContrast';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';
import { THEMES, type ThemeKind } from './harness/themes';

const openPreview = useBrowser();
const cluster = loadFixture('small-cluster');
const CSS = WEBVIEW_STYLES.map((path) => readFileSync(join(__dirname, '..', '..', ...path), 'utf8')).join('\n');

/** Text that must read at 4.5:1 (WCAG AA), and glyphs/graphics at 3:1, for each view. */
const CHECKS: Record<string, Array<[selector: string, minimum: number]>> = {
  nodes: [
    ['.node-card .node-name', 4.5],
    ['.bar-label', 4.5],
    ['.pod-chip[aria-pressed="false"]', 4.5],
    ['.pod-chip[aria-pressed="true"]', 4.5],
    ['.badge-control-plane', 4.5],
    ['.chip-label', 4.5],
    ['.zone-row .muted', 4.5],
    ['[role="tab"][aria-selected="true"]', 4.5],
    ['[role="tab"][aria-selected="false"]', 4.5],
    ['.details .verdict', 4.5],
    ['.details .data-table td', 4.5],
    ['.details button.secondary', 4.5],
    ['.header .muted', 4.5],
  ],
  'rollout-stalled': [
    ['.callout-stall', 4.5],
    ['.badge-outcome-stalled', 4.5],
    ['.pending-list li', 4.5],
    ['.placement-pending .pending-reason', 4.5],
  ],
  rollout: [
    ['.step-list li.current .step-button', 4.5],
    ['.step-list li:not(.current) .step-button', 4.5],
    ['.stat-label', 4.5],
    ['.budget-text', 4.5],
    ['.unavailable-reasons li', 4.5],
    ['.placement-grid .pod-square-new:not(.not-ready)', 3],
  ],
  network: [
    ['.reach-grid .reach-allowed', 3],
    ['.reach-grid .reach-denied', 3],
    ['.reach-grid .reach-partial', 3],
    ['.reach-grid .reach-mixed', 3],
    ['.reach-grid .reach-toggle', 4.5],
    ['.reach-legend .legend-item', 4.5],
    ['.reach-explanation .verdict', 4.5],
  ],
};

async function checkContrast(preview: PreviewPage, theme: ThemeKind, view: string): Promise<void> {
  for (const [selector, minimum] of CHECKS[view]) {
    const contrast = await contrastOnPage(preview, theme, selector);
    assert.ok(contrast, `${theme}/${view}: ${selector} is on the page`);
    assert.ok(contrast.ratio >= minimum, `${theme}/${view}: ${selector} has contrast ${contrast.ratio.toFixed(2)} (${contrast.color} on ${contrast.background.map(Math.round).join(',')}), needs ${minimum}`);
  }
}

for (const theme of ['light', 'dark', 'high-contrast'] as const) {
  test(`themes: ${theme} — every view is readable; screenshots saved`, async () => {
    const preview = await openPreview({ theme, viewport: { width: 1280, height: 800 } });
    await preview.update(cluster);
    await preview.page.locator('[data-pod="shop/web-7c9d8f-2xkqp"]').click();
    await preview.page.locator('.details .scores-table').waitFor();
    await checkContrast(preview, theme, 'nodes');
    await preview.screenshot(`nodes-${theme}`);

    await preview.deliverAndWaitForRender({ type: 'showView', view: 'pending' });
    await preview.page.locator('.pending-row').first().click();
    await preview.screenshot(`pending-${theme}`);

    await preview.deliverAndWaitForRender({ type: 'showView', view: 'rollout', workload: { kind: 'Deployment', namespace: 'shop', name: 'queue' } });
    await checkContrast(preview, theme, 'rollout-stalled');
    await preview.screenshot(`rollout-stalled-${theme}`);
    await preview.page.locator('select[aria-label="Deployment"]').selectOption('shop/web');
    await preview.page.locator('button[aria-label="Next step"]').click();
    await checkContrast(preview, theme, 'rollout');
    await preview.screenshot(`rollout-${theme}`);

    await preview.deliverAndWaitForRender({ type: 'showView', view: 'services' });
    await preview.screenshot(`services-${theme}`);

    await preview.deliverAndWaitForRender({ type: 'showView', view: 'network' });
    await preview.page.locator('.reach-cell[data-row="2"][data-col="0"]').click();
    await checkContrast(preview, theme, 'network');
    await preview.screenshot(`network-${theme}`);
  });
}

test('themes: the stylesheet uses no colour but the --vscode-* variables', () => {
  const withoutComments = CSS.replace(/\/\*[\s\S]*?\*\//g, '');
  const literals = withoutComments.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi) ?? [];
  assert.deepEqual(literals, [], 'no colour literals');
  const named = /(?:^|[\s:,(])(white|black|red|green|blue|gray|grey|yellow|orange|purple|silver)(?=[\s;,)])/gi;
  assert.deepEqual(withoutComments.match(named) ?? [], [], 'no named colours');
  const variables = [...withoutComments.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
  assert.ok(variables.length > 0);
  assert.deepEqual(variables.filter((name) => !name.startsWith('--vscode-')), [], 'only --vscode-* variables');
});

test('themes: every variable used without a fallback is one VS Code defines in the light and dark themes', () => {
  const withoutFallback = [...CSS.matchAll(/var\((--vscode-[\w-]+)\)/g)].map((m) => m[1]);
  for (const theme of ['light', 'dark'] as const) {
    const missing = [...new Set(withoutFallback)].filter((name) => !(name in THEMES[theme]));
    assert.deepEqual(missing, [], `${theme}: give these a fallback or check the theme`);
  }
});
