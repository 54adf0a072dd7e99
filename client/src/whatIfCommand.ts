import * as vscode from 'vscode';
import type { WhatIfNodeEvent } from '../../server/src/protocol/whatIf';
import type { PreviewPanels } from './preview/previewPanels';

/** How long the command waits for the preview's first model (the node list) before giving up. */
const MODEL_WAIT_MS = 30_000;

/** The second question's items (a function: the words are looked up in the display language when asked). */
function kinds(): Array<{ event: 'node-down' | 'drain'; label: string; detail: string }> {
  return [
    { event: 'node-down', label: vscode.l10n.t('It fails'), detail: vscode.l10n.t('{0}: its kubelet stops posting status ({1} after the grace period, then the unreachable taints and evictions)', 'node-down', 'NotReady') },
    { event: 'drain', label: vscode.l10n.t('It is drained'), detail: vscode.l10n.t('{0}: cordon, then evictions that respect PodDisruptionBudgets', 'kubectl drain --ignore-daemonsets --delete-emptydir-data') },
  ];
}

/**
 * Asks for a node of the cluster the preview simulates (opening the preview when needed) and for
 * fail or drain, then shows the preview's What-if tab with that timeline. An argument
 * `{ node, kind }` (kind `node-down` or `drain`) skips the questions.
 */
export async function whatIfNodeCommand(preview: PreviewPanels, arg?: unknown): Promise<void> {
  const given = givenEvent(arg);
  if (given) {
    preview.askWhatIf([given]);
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const model = await Promise.race([preview.model(), new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), MODEL_WAIT_MS)))]);
  clearTimeout(timer);
  const nodes = model?.simulation.nodes ?? [];
  if (nodes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Drydock: open a Kubernetes manifest and its cluster preview first: the what-if plays on the preview's cluster."));
    return;
  }
  const node = await vscode.window.showQuickPick(
    nodes.map((n) => ({ label: n.name, description: [n.labels['topology.kubernetes.io/zone'], n.ready === false && 'NotReady', n.taints.length > 0 && vscode.l10n.t('{0} taint(s)', n.taints.length)].filter(Boolean).join(' · ') })),
    { title: vscode.l10n.t('Drydock: What if this node fails / is drained'), placeHolder: vscode.l10n.t('Which node?') },
  );
  if (!node) return;
  const kind = await vscode.window.showQuickPick(kinds(), { title: vscode.l10n.t('What if node {0}…', node.label), placeHolder: vscode.l10n.t('fails, or is drained?') });
  if (!kind) return;
  preview.askWhatIf([{ kind: kind.event, node: node.label, at: 0 }]);
}

function givenEvent(arg: unknown): WhatIfNodeEvent | null {
  if (typeof arg !== 'object' || arg === null) return null;
  const { node, kind } = arg as Record<string, unknown>;
  return typeof node === 'string' && node.length > 0 && node.length <= 253 && (kind === 'node-down' || kind === 'drain') ? { kind, node, at: 0 } : null;
}
