import type { RenderStatusParams } from '../../server/src/protocol/renderStatus';

// The pure half of the render status item (renderStatus.ts owns the vscode half): what the status
// bar shows for the server's latest `drydock/renderStatus`. No vscode import, so it is unit-tested.

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
  const lines = unrendered.map((target) => `${folderName(target.root)} (${kindWord(target.kind, 1)}): ${target.message}`);
  return {
    visible: true,
    severity,
    text: `$(${severity}) Drydock: ${counted} not rendered`,
    tooltip: [`Drydock could not render ${counted}:`, ...lines, '', 'Click to show the Output.'].join('\n'),
  };
}

/** "1 chart", "2 overlays", "1 chart, 2 overlays". */
function countByKind(targets: RenderTargetStatus[]): string {
  const parts: string[] = [];
  for (const kind of ['helm', 'kustomize'] as const) {
    const count = targets.filter((target) => target.kind === kind).length;
    if (count > 0) parts.push(`${count} ${kindWord(kind, count)}`);
  }
  return parts.join(', ');
}

function kindWord(kind: RenderTargetStatus['kind'], count: number): string {
  const word = kind === 'helm' ? 'chart' : 'overlay';
  return count === 1 ? word : `${word}s`;
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
