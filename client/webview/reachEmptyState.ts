import * as l10n from '@vscode/l10n';
import type { ReachResults } from '../../server/src/protocol/preview';
import { el } from './dom';

/**
 * Why the Network tab has no grid to show, and what to do about it; null when it has one. A matrix of
 * pods that no NetworkPolicy selects is all green, so it is said in words instead.
 */
export function reachEmptyState(reach: ReachResults | undefined): HTMLElement | null {
  if (!reach || (reach.queries.length === 0 && !reach.matrix)) {
    return empty(l10n.t('No reachability result.'), l10n.t('Add NetworkPolicies or connection queries to the previewed manifests.'));
  }
  if (reach.queries.length > 0 || !reach.matrix) return null;
  if (!reach.matrix.endpoints.some((endpoint) => endpoint.kind === 'pods')) {
    return empty(l10n.t('No pods to evaluate: the previewed manifests create none.'),
      l10n.t('Add a Deployment, StatefulSet, DaemonSet, Job or Pod: the grid then shows which of them may connect to which, and to addresses outside the cluster.'));
  }
  const policies = reach.policies;
  if (policies && policies.selectingPods === 0) {
    const unused = policies.total === 0 ? null
      : policies.total === 1
        ? l10n.t('The NetworkPolicy of the previewed manifests select no pod: check their podSelector and namespace (warning {0}).', 'ref/policy-selects-nothing')
        : l10n.t('The {0} NetworkPolicies of the previewed manifests select no pod: check their podSelector and namespace (warning {1}).', policies.total, 'ref/policy-selects-nothing');
    return empty(l10n.t('No NetworkPolicy selects these pods: every connection is allowed.'),
      l10n.t('To restrict traffic, add a NetworkPolicy whose podSelector matches them (podSelector: {} selects every pod of its namespace) with Ingress and Egress in its policyTypes, then allow what each workload needs in its ingress and egress rules.'),
      unused);
  }
  return null;
}

function empty(headline: string, ...advice: Array<string | null>): HTMLElement {
  return el('div', { class: 'empty reach-empty', role: 'note' },
    el('p', { class: 'reach-empty-headline' }, headline),
    ...advice.map((text) => text && el('p', {}, text)));
}
