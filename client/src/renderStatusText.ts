import * as l10n from '@vscode/l10n';
import type { RenderStatusParams } from '../../server/src/protocol/renderStatus';

// The pure half of the render status item (renderStatus.ts owns the vscode half): what the status
// bar shows for the server's latest `drydock/renderStatus`. No vscode import, so it is unit-tested;
// its words go through `@vscode/l10n`, which the client hands VS Code's bundle (pureModulesL10n.ts).

export type RenderTargetStatus = RenderStatusParams['targets'][number];

/**
 * Hidden when every chart and overlay rendered (or there are none). Otherwise a `warning` when one
 * failed (the tool ran and reported an error), and a calmer `info` when they were only not rendered
 * on purpose or for want of a tool (no helm/kustomize, an untrusted workspace, remote resources).
 */
export type RenderStatusView = { visible: false } | { visible: true; severity: 'warning' | 'info'; text: string; tooltip: string };

const HIDDEN: RenderStatusView = { visible: false };

/** The item's text, tooltip and severity for one notification. Messages are the tool's own words, verbatim. */
export function renderStatusView(params: RenderStatusParams | undefined): RenderStatusView {
  const targets = Array.isArray(params?.targets) ? params.targets : [];
  const unrendered = targets.filter((target) => target.state !== 'rendered');
  if (unrendered.length === 0) return HIDDEN;
  const severity = unrendered.some((target) => target.state === 'failed') ? 'warning' : 'info';
  const counted = countByKind(unrendered);
  const lines = unrendered.map((target) => targetLine(target));
  return {
    visible: true,
    severity,
    text: `$(${severity}) ${l10n.t('Drydock: {0} not rendered', counted)}`,
    tooltip: [l10n.t('Drydock could not render {0}:', counted), ...lines, '', l10n.t('Click to show the Output.')].join('\n'),
  };
}

/** "web (chart): <the tool's message, verbatim>". */
function targetLine(target: RenderTargetStatus): string {
  const folder = folderName(target.root);
  return target.kind === 'helm' ? l10n.t('{0} (chart): {1}', folder, target.message) : l10n.t('{0} (overlay): {1}', folder, target.message);
}

/** "1 chart", "2 overlays", "1 chart, 2 overlays". */
function countByKind(targets: RenderTargetStatus[]): string {
  const parts: string[] = [];
  for (const kind of ['helm', 'kustomize'] as const) {
    const count = targets.filter((target) => target.kind === kind).length;
    if (count > 0) parts.push(countPhrase(kind, count));
  }
  return parts.join(', ');
}

function countPhrase(kind: RenderTargetStatus['kind'], count: number): string {
  if (kind === 'helm') return count === 1 ? l10n.t('1 chart') : l10n.t('{0} charts', count);
  return count === 1 ? l10n.t('1 overlay') : l10n.t('{0} overlays', count);
}

/** The last segment of the root's file URI, decoded: `file:///w/charts/my%20web/` → `my web`. */
export function folderName(root: string): string {
  const path = root.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || root;
  } catch {
    return last || root;
  }
}
