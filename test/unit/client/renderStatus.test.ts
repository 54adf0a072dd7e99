import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderName, renderStatusView, type RenderTargetStatus } from '../../../client/src/renderStatusText';

// The render status item's pure half: each case is one `drydock/renderStatus` and what the status bar shows.

const HELM_ERROR = 'Error: template: web/templates/deployment.yaml:12:20: executing "web/templates/deployment.yaml" at <.Values.image.tag>: nil pointer evaluating interface {}.tag';
const KUSTOMIZE_ERROR = "Error: accumulating resources: accumulation err='accumulating resources from '../base': '/w/base' must resolve to a file'";

function target(root: string, kind: RenderTargetStatus['kind'], state: RenderTargetStatus['state'], message = ''): RenderTargetStatus {
  return { root, kind, state, ms: state === 'rendered' ? 120 : 0, objects: state === 'rendered' ? 3 : 0, message };
}
const rendered = target('file:///w/charts/api', 'helm', 'rendered');

const FOOTER = '\n\nClick to show the Output.';

const cases: Array<{ name: string; targets: RenderTargetStatus[]; expected: ReturnType<typeof renderStatusView> }> = [
  { name: 'no targets: hidden', targets: [], expected: { visible: false } },
  { name: 'all rendered: hidden', targets: [rendered, target('file:///w/overlays/prod', 'kustomize', 'rendered')], expected: { visible: false } },
  {
    name: 'one chart failed: a warning with helm\'s own message',
    targets: [rendered, target('file:///w/charts/web', 'helm', 'failed', HELM_ERROR)],
    expected: {
      visible: true,
      severity: 'warning',
      text: '$(warning) Drydock: 1 chart not rendered',
      tooltip: `Drydock could not render 1 chart:\nweb (chart): ${HELM_ERROR}${FOOTER}`,
    },
  },
  {
    name: 'two overlays failed: plural',
    targets: [target('file:///w/overlays/prod/', 'kustomize', 'failed', KUSTOMIZE_ERROR), target('file:///w/overlays/staging', 'kustomize', 'failed', KUSTOMIZE_ERROR)],
    expected: {
      visible: true,
      severity: 'warning',
      text: '$(warning) Drydock: 2 overlays not rendered',
      tooltip: `Drydock could not render 2 overlays:\nprod (overlay): ${KUSTOMIZE_ERROR}\nstaging (overlay): ${KUSTOMIZE_ERROR}${FOOTER}`,
    },
  },
  {
    name: 'a chart and an overlay: counted by kind; one failure makes it a warning',
    targets: [target('file:///w/overlays/prod', 'kustomize', 'no-tool', 'kustomize not found'), target('file:///w/charts/web', 'helm', 'failed', HELM_ERROR)],
    expected: {
      visible: true,
      severity: 'warning',
      text: '$(warning) Drydock: 1 chart, 1 overlay not rendered',
      tooltip: `Drydock could not render 1 chart, 1 overlay:\nprod (overlay): kustomize not found\nweb (chart): ${HELM_ERROR}${FOOTER}`,
    },
  },
  {
    name: 'no tool: the calmer info variant',
    targets: [target('file:///w/charts/web', 'helm', 'no-tool', 'helm not found')],
    expected: {
      visible: true,
      severity: 'info',
      text: '$(info) Drydock: 1 chart not rendered',
      tooltip: `Drydock could not render 1 chart:\nweb (chart): helm not found${FOOTER}`,
    },
  },
  {
    name: 'untrusted workspace: info, for every target',
    targets: [target('file:///w/charts/web', 'helm', 'untrusted', 'the workspace is not trusted'), target('file:///w/overlays/prod', 'kustomize', 'untrusted', 'the workspace is not trusted')],
    expected: {
      visible: true,
      severity: 'info',
      text: '$(info) Drydock: 1 chart, 1 overlay not rendered',
      tooltip: `Drydock could not render 1 chart, 1 overlay:\nweb (chart): the workspace is not trusted\nprod (overlay): the workspace is not trusted${FOOTER}`,
    },
  },
  {
    name: 'remote resources: info (not fetched on purpose)',
    targets: [target('file:///w/overlays/prod', 'kustomize', 'remote', 'remote resources not fetched: github.com/org/repo//base?ref=v1')],
    expected: {
      visible: true,
      severity: 'info',
      text: '$(info) Drydock: 1 overlay not rendered',
      tooltip: `Drydock could not render 1 overlay:\nprod (overlay): remote resources not fetched: github.com/org/repo//base?ref=v1${FOOTER}`,
    },
  },
  {
    name: 'a multi-line tool message stays verbatim',
    targets: [target('file:///w/charts/my%20web', 'helm', 'failed', 'Error: 2 errors occurred:\n\t* first\n\t* second')],
    expected: {
      visible: true,
      severity: 'warning',
      text: '$(warning) Drydock: 1 chart not rendered',
      tooltip: `Drydock could not render 1 chart:\nmy web (chart): Error: 2 errors occurred:\n\t* first\n\t* second${FOOTER}`,
    },
  },
];

for (const c of cases) {
  test(`render status: ${c.name}`, () => {
    assert.deepEqual(renderStatusView({ targets: c.targets }), c.expected);
  });
}

test('render status: a malformed notification hides the item', () => {
  assert.deepEqual(renderStatusView(undefined), { visible: false });
  assert.deepEqual(renderStatusView({} as never), { visible: false });
});

const folders: Array<[string, string]> = [
  ['file:///w/charts/web', 'web'],
  ['file:///w/charts/web/', 'web'],
  ['file:///w/charts/my%20web', 'my web'],
  ['file:///c%3A/w/overlays/prod', 'prod'],
  ['file:///w/bad%E0name', 'bad%E0name'],
];
for (const [root, expected] of folders) {
  test(`render status: folder name of ${root} is ${expected}`, () => {
    assert.equal(folderName(root), expected);
  });
}
