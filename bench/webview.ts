import { loadavg } from 'node:os';
import type { PodDetails } from '../server/src/protocol/preview';
import type { HostToWebview } from '../server/src/protocol/webviewMessages';
import type { Harness } from '../test/webview/harness/inPage';
import { launchChromium, PreviewPage } from '../test/webview/harness/previewPage';
import { largeClusterAsServed } from '../test/webview/largeCluster';
import { median } from './stats';

const SIZE = { nodes: 1_000, pods: 10_000, pending: 100 };
const RUNS = 5;

interface HarnessWindow {
  __drydockHarness: Harness;
}

/**
 * Render time of the cluster preview in headless Chromium (the built dist/webview.js under its real
 * CSP) with 1,000 nodes and 10,000 pods: the first update of the nodes view (median of 5 fresh
 * pages), the other views, the details of a pending pod (1,000 filter verdicts) and of a pod scored on
 * every node, and the frames while scrolling the nodes list and the reachability grid (400×400) from top
 * to bottom.
 */
export async function benchWebview(): Promise<Record<string, number | string>> {
  const { model, details } = largeClusterAsServed(SIZE);
  const modelJson = JSON.stringify(model);
  const browser = await launchChromium();
  const results: Record<string, number | string> = {
    'webview.size': `${SIZE.nodes} nodes, ${SIZE.pods} pods (${SIZE.pending} pending)`,
    'webview.machine.loadavg1': round(loadavg()[0]),
    'webview.model.json.MB': round(modelJson.length / 1e6),
  };
  try {
    const firstFrames: number[] = [];
    const scripts: number[] = [];
    const clones: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const preview = await PreviewPage.open(browser, { viewport: { width: 1400, height: 900 } });
      // A string crosses the DevTools protocol much faster than the object would.
      await preview.page.evaluate((json) => {
        (globalThis as unknown as HarnessWindow).__drydockHarness.stash = JSON.parse(json);
      }, modelJson);
      const timing = await preview.page.evaluate(() => (globalThis as unknown as HarnessWindow).__drydockHarness.measureUpdate());
      firstFrames.push(timing.frameMs);
      scripts.push(timing.scriptMs);
      clones.push(timing.cloneMs);
      if (run === RUNS - 1) Object.assign(results, await otherViews(preview, details));
      if (preview.errors.length > 0) throw new Error(`page errors: ${preview.errors.join('; ')}`);
      await preview.close();
    }
    results['webview.nodes.firstFrame.ms (median)'] = round(median(firstFrames));
    results['webview.nodes.firstFrame.ms (max)'] = round(Math.max(...firstFrames));
    results['webview.nodes.script.ms (median)'] = round(median(scripts));
    results['webview.model.structuredClone.ms (median)'] = round(median(clones));
  } finally {
    await browser.close();
  }
  return results;
}

async function otherViews(preview: PreviewPage, details: Map<string, PodDetails>): Promise<Record<string, number | string>> {
  const results: Record<string, number | string> = {};
  results['webview.idleFrame.ms'] = round(await preview.page.evaluate(() => (globalThis as unknown as HarnessWindow).__drydockHarness.measureIdleFrames(30)));
  Object.assign(results, await scrollFrames(preview, 'nodes', '.view-nodes .vlist'));
  results['webview.nodes.domRows'] = await preview.page.locator('.view-nodes .vlist-row').count();
  const views: Array<[string, HostToWebview]> = [
    ['pending', { type: 'showView', view: 'pending' }],
    ['rollout', { type: 'showView', view: 'rollout' }],
    ['services', { type: 'showView', view: 'services' }],
    ['network', { type: 'showView', view: 'network' }],
    // Selecting a pod shows it at once and asks the host for its per-node details; their arrival is timed apart.
    ['details.pending.select', { type: 'selectPod', pod: 'batch/huge-job-0000' }],
    ['details.pending.filters', { type: 'podDetails', pod: 'batch/huge-job-0000', details: details.get('batch/huge-job-0000') ?? null }],
    ['details.scored.select', { type: 'selectPod', pod: 'team-0/app-000-7d9f8c-00000' }],
    ['details.scored.scores', { type: 'podDetails', pod: 'team-0/app-000-7d9f8c-00000', details: details.get('team-0/app-000-7d9f8c-00000') ?? null }],
  ];
  for (const [name, message] of views) {
    const ms = await preview.page.evaluate((m) => (globalThis as unknown as HarnessWindow).__drydockHarness.measureMessage(m), message);
    results[`webview.${name}.ms`] = round(ms);
    if (name === 'network') Object.assign(results, await scrollFrames(preview, 'network', '.view-network .reach-grid'));
  }
  results['webview.network.domCells'] = await preview.page.locator('.view-network .reach-grid .reach-cell').count();
  return results;
}

/** Frames while scrolling `selector` down: by mouse-wheel steps, and over its whole height (a scrollbar drag). */
async function scrollFrames(preview: PreviewPage, name: string, selector: string): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const [kind, stepPx] of [['wheel', 120], ['drag', null]] as const) {
    const scroll = await preview.page.evaluate(([s, px]) => (globalThis as unknown as HarnessWindow).__drydockHarness.measureScroll(s, 120, px), [selector, stepPx] as const);
    results[`webview.${name}.scroll.${kind}.meanFrame.ms`] = round(scroll.meanFrameMs);
    results[`webview.${name}.scroll.${kind}.p95Frame.ms`] = round(scroll.p95FrameMs);
    results[`webview.${name}.scroll.${kind}.longTasks`] = scroll.longTasks;
  }
  return results;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
