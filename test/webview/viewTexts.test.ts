// Issue #16 item 7: a test per view that reads its text for the shipped examples and checks it against
// the model's numbers, computed from the model here (viewTexts/*.ts), and that the self-contradictions
// the issue lists cannot come back. Table-driven: every view on every example, the examples as the
// language server recorded them (fixtures/record*.ts) or, for those no recording holds (Ingress routes,
// what-if answers), as the editor's dry-run session computes them. The last test breaks a number of a
// copy of the model per view and sees that view's check fail, so that no check passes whatever it reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewView } from '../../server/src/protocol/webviewMessages';
import { exampleRun } from './exampleRuns';
import { loadFixture, useBrowser, type PreviewPage } from './harness/previewPage';
import { checkNodeDetails, checkNodesView } from './viewTexts/nodeTexts';
import { checkPendingView, checkPodDetails } from './viewTexts/podTexts';
import { assertNoContradiction, pageText, type ViewExample } from './viewTexts/readText';
import { checkRolloutView, checkWhatIfView } from './viewTexts/timeTexts';
import { checkNetworkView, checkRoutesView, checkServicesView } from './viewTexts/trafficTexts';
import { whatIfExample } from './whatIfModels';

const openPreview = useBrowser();

/** Tall enough that the virtualised lists and grid have every row of the examples on screen. */
const VIEWPORT = { width: 1600, height: 4000 };

const EXAMPLES: ReadonlyArray<{ name: string; load: () => ViewExample }> = [
  { name: 'scheduling+services+network (recorded)', load: () => ({ name: 'examples', model: loadFixture('examples-recorded') }) },
  { name: 'rollout (recorded)', load: () => ({ name: 'rollout', model: loadFixture('examples-rollout-recorded') }) },
  { name: 'ingress', load: () => { const run = exampleRun('ingress', 'cluster.yaml'); return { name: 'ingress', model: run.model, run }; } },
  { name: 'whatif', load: () => { const run = whatIfExample(); return { name: 'whatif', model: run.model, run }; } },
];

interface ViewCase {
  view: string;
  /** The tab to show first. */
  tab: PreviewView;
  /** Checks the page, which shows `shown`, against `expected` (the same example unless a test breaks it). */
  check(preview: PreviewPage, expected: ViewExample, shown: ViewExample): Promise<void>;
}

const VIEWS: readonly ViewCase[] = [
  { view: 'Nodes', tab: 'nodes', check: (preview, example) => checkNodesView(preview, example.model) },
  { view: 'node details', tab: 'nodes', check: (preview, example) => checkNodeDetails(preview, example.model) },
  { view: 'Pending', tab: 'pending', check: (preview, example) => checkPendingView(preview, example.model) },
  { view: 'pod details', tab: 'nodes', check: (preview, example) => checkPodDetails(preview, example.model) },
  { view: 'Services', tab: 'services', check: (preview, example) => checkServicesView(preview, example.model) },
  { view: 'Network', tab: 'network', check: (preview, example) => checkNetworkView(preview, example.model) },
  { view: 'Rollout', tab: 'rollout', check: (preview, example) => checkRolloutView(preview, example.model) },
  { view: 'Routes', tab: 'routes', check: (preview, example) => checkRoutesView(preview, example.model) },
  { view: 'What-if', tab: 'whatif', check: (preview, expected, shown) => checkWhatIfView(preview, expected, shown) },
];

/** Shows an example on the view's tab, runs its check against `expected` (the example itself unless a test breaks it), then the contradictions. */
async function readView(view: ViewCase, shown: ViewExample, expected: ViewExample = shown): Promise<void> {
  const preview = await openPreview({ viewport: VIEWPORT });
  await preview.update(shown.model);
  await preview.deliverAndWaitForRender({ type: 'showView', view: view.tab });
  await view.check(preview, expected, shown);
  assertNoContradiction(await pageText(preview), `${view.view} of ${expected.name}`);
}

for (const { name, load } of EXAMPLES) {
  for (const view of VIEWS) {
    test(`view text: ${view.view} of examples/${name} says the model's numbers`, async () => {
      await readView(view, load());
    });
  }
}

/** One number of a copy of the example changed per view: the check reading the unchanged page must fail. */
const BROKEN: ReadonlyArray<{ view: string; example: number; what: string; breakModel(model: PreviewModel): void }> = [
  { view: 'Nodes', example: 0, what: 'a node requests 1 more CPU', breakModel: (m) => { m.simulation.nodes[1].requested.cpu += 1000; } },
  { view: 'node details', example: 0, what: 'a node has 1 Gi more memory', breakModel: (m) => { m.simulation.nodes[0].allocatable.memory += 1024 ** 3; } },
  { view: 'Pending', example: 0, what: 'a placed pod is pending', breakModel: (m) => { const pod = m.simulation.pods.find((p) => p.node !== null); if (pod) pod.node = null; } },
  { view: 'pod details', example: 0, what: 'a pod has one more rejected node', breakModel: (m) => { const pod = m.simulation.pods.find((p) => p.status === 'Scheduled'); if (pod) pod.filters['nowhere'] = { plugin: 'NodeName', reason: 'x' }; } },
  { view: 'Services', example: 0, what: 'an endpoint is not ready', breakModel: (m) => { const ep = m.simulation.services.flatMap((s) => s.ports).flatMap((p) => p.endpoints)[0]; ep.ready = !ep.ready; } },
  { view: 'Network', example: 0, what: 'a pair is allowed', breakModel: (m) => { const c = m.reach?.matrix?.connections; if (c) c[c.length - 1][0] = c[c.length - 1][0] === 'All connections' ? 'No connections' : 'All connections'; } },
  { view: 'Rollout', example: 1, what: 'a step has one more available pod', breakModel: (m) => { const d = m.rollout?.deployments[0]; if (d) d.steps[1].available += 1; } },
  { view: 'Routes', example: 2, what: 'a path has another type', breakModel: (m) => { const r = m.routes?.ingresses[0].routes[0]; if (r) r.pathType = r.pathType === 'Exact' ? 'Prefix' : 'Exact'; } },
];

/** The example with one line of every what-if answer changed. */
function withBrokenAnswers(example: ViewExample): ViewExample {
  const run = example.run;
  assert.ok(run, `${example.name} answers what-if`);
  return { ...example, run: { model: run.model, answer: (events) => { const answer = run.answer(events); return { ...answer, lines: answer.lines.map((line, i) => (i === answer.lines.length - 1 ? `${line}!` : line)) }; } } };
}

test('view text: each check fails when the model says another number than the page', async () => {
  const check = async (viewName: string, shown: ViewExample, expected: ViewExample, what: string) => {
    const view = VIEWS.find((v) => v.view === viewName);
    assert.ok(view, viewName);
    await assert.rejects(readView(view, shown, expected), assert.AssertionError, `${viewName} (${what}): the check must fail`);
  };
  for (const broken of BROKEN) {
    const example = EXAMPLES[broken.example].load();
    const model = structuredClone(example.model);
    broken.breakModel(model);
    assert.notDeepEqual(model, example.model, `${broken.view}: the model is broken`);
    await check(broken.view, example, { ...example, model }, broken.what);
  }
  const whatIf = EXAMPLES[3].load();
  await check('What-if', whatIf, withBrokenAnswers(whatIf), 'a line of the timeline differs');
});

test('view text: the self-contradictions issue #16 lists are caught, a sound text is not', () => {
  const contradictions = [
    'Successfully assigned shop/web-1 to worker-2a. Placed on worker-2a: 0 nodes passed the filters, 3 of 3 were rejected.',
    'Successfully assigned shop/web-1 to worker-2a Placed on worker-2a: 1 node passed the filters, 2 of 3 were rejected.',
    '⚠ The rollout stalls here. the rollout stalls at old 3 / new 2 (available 3 of 4)',
    '⚠ The rollout stalls here. The rollout stalls at old 3 / new 2 (available 3 of 4)',
    'Step 0 of 0 (1 step)',
    '0 pods pending — select one to see why each node was rejected.',
    'Pending (0)\nEvery pod found a node.\n1 pod pending — select one to see why each node was rejected.',
  ];
  for (const text of contradictions) assert.throws(() => assertNoContradiction(text, 'case'), assert.AssertionError, text);
  assertNoContradiction('Successfully assigned shop/web-1 to worker-2a. Placed on worker-2a with the highest total score, 300: 3 nodes passed the filters, 0 of 3 were rejected.\n⚠ The rollout stalls here. At old 3 / new 2 (available 3 of 4): 2 pod(s) cannot be scheduled.\nStep 0 (the only step)\nEvery pod found a node.', 'sound text');
});
