import * as l10n from '@vscode/l10n';

/**
 * Counted nouns in the page's language ("1 node", "3 pods"; 노드 1개, 파드 3개), each variant a whole
 * message (l10n.t is called when drawn, never at load). Kubernetes' own words are not counted here.
 */
export function nodeCount(count: number): string {
  return count === 1 ? l10n.t('{0} node', count) : l10n.t('{0} nodes', count);
}

export function podCount(count: number): string {
  return count === 1 ? l10n.t('{0} pod', count) : l10n.t('{0} pods', count);
}

export function errorCount(count: number): string {
  return count === 1 ? l10n.t('{0} error', count) : l10n.t('{0} errors', count);
}

export function warningCount(count: number): string {
  return count === 1 ? l10n.t('{0} warning', count) : l10n.t('{0} warnings', count);
}

export function groupCount(count: number): string {
  return count === 1 ? l10n.t('{0} group', count) : l10n.t('{0} groups', count);
}

export function claimCount(count: number): string {
  return count === 1 ? l10n.t('{0} claim', count) : l10n.t('{0} claims', count);
}

export function rejectedNodeCount(count: number): string {
  return count === 1 ? l10n.t('{0} rejected node', count) : l10n.t('{0} rejected nodes', count);
}

export function feasibleNodeCount(count: number): string {
  return count === 1 ? l10n.t('{0} feasible node', count) : l10n.t('{0} feasible nodes', count);
}
