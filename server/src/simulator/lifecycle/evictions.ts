import * as l10n from '@vscode/l10n';
import { drainDecision } from './drainFilters';
import { evict } from './evictionApi';
import { budgetPod, budgetsOf, statusOf } from './budgets';
import { forgetPod, podsOn, type LiveNode, type LivePod, type WhatIfState } from './lifecycleState';
import { setReady, syncEndpoints } from './readyTracking';
import { cordon } from './nodeLifecycle';
import { DRAIN_RETRY_SECONDS } from './timing';

/**
 * Deletions: the taint-eviction controller's (a plain DELETE, no budget) and `kubectl drain`'s
 * (the eviction API with PodDisruptionBudgets, 429s retried every 5 s). node-lifecycle.md §5, §7.
 */

/** The taint evictions due now, in pod key order. */
export function taintEvictions(state: WhatIfState): void {
  for (const key of state.evictions.take(state.now)) {
    const pod = state.pods.get(key);
    if (!pod || pod.evictionAt === null || pod.phase === 'Terminating') continue;
    pod.evictionAt = null;
    const entry = { at: state.now, type: 'PodEvicted' as const, pod: key, reason: 'DeletionByTaintManager' as const, why: pod.evictionWhy };
    state.timeline.push(entry);
    startDeletion(state, pod);
    if (pod.pod.terminating === true) {
      entry.why +=
        pod.pod.owner?.kind === 'StatefulSet'
          ? l10n.t('; it stays Terminating while the kubelet is unreachable, and its StatefulSet creates no replacement until it is gone (node back or force-deleted)')
          : l10n.t('; it stays Terminating while the kubelet is unreachable');
    }
  }
}

/**
 * `kubectl drain --ignore-daemonsets --delete-emptydir-data`: cordon, then the filters; a pod the
 * filters refuse (no controller, without --force) stops the drain before any eviction. The
 * evictions are attempted in this instant's eviction step, in pod key order.
 */
export function startDrain(state: WhatIfState, node: LiveNode): void {
  cordon(state, node);
  const pods = podsOn(state, node.node.name).filter((p) => p.phase !== 'Terminating');
  const refused = pods.flatMap((pod) => {
    const decision = drainDecision(pod.pod, pod.phase);
    return decision.kind === 'error' ? [{ pod, message: decision.message }] : [];
  });
  if (refused.length > 0) {
    for (const { pod, message } of refused) state.timeline.push({ at: state.now, type: 'DrainRefused', node: node.node.name, pod: pod.pod.key, message, why: l10n.t('kubectl drain evicts nothing when a pod would not come back; the node stays cordoned') });
    return;
  }
  for (const pod of pods) {
    if (drainDecision(pod.pod, pod.phase).kind !== 'evict') continue;
    state.retries.cancel(pod.retryAt, pod.pod.key);
    pod.retryAt = state.now;
    state.retries.add(state.now, pod.pod.key);
  }
}

/** Eviction attempts due now (first attempts and retries), one after another against the budgets. */
export function evictionAttempts(state: WhatIfState): void {
  for (const key of state.retries.take(state.now)) {
    const pod = state.pods.get(key);
    if (!pod || pod.retryAt === null) continue; // NotFound: done
    pod.retryAt = null;
    if (pod.phase === 'Terminating') continue;
    const budgets = budgetsOf(state, pod);
    const outcome = evict(budgetPod(pod), budgets, (budget) => statusOf(state, budget));
    if (outcome.kind === 'deleted') {
      const warning = drainDecision(pod.pod, pod.phase);
      const allowed = outcome.budget
        ? l10n.t('the eviction API allows it under PodDisruptionBudget {0}', outcome.budget.name)
        : budgets.length === 0
          ? l10n.t('no PodDisruptionBudget selects it')
          : l10n.t('the eviction API deletes it without a budget check');
      const why = allowed + (warning.kind === 'evict' && warning.warning ? l10n.t('; kubectl warns: {0} (its emptyDir data is lost)', warning.warning) : '');
      state.timeline.push({ at: state.now, type: 'PodEvicted', pod: key, reason: 'EvictionByEvictionAPI', why });
      startDeletion(state, pod);
      continue;
    }
    const retry = outcome.code === 429;
    state.timeline.push({
      at: state.now,
      type: 'EvictionBlocked',
      pod: key,
      pdb: `${outcome.budget.namespace}/${outcome.budget.name}`,
      message: outcome.message,
      why: retry ? l10n.t('HTTP 429: kubectl retries after {0}s', DRAIN_RETRY_SECONDS) : l10n.t('HTTP 500: kubectl gives up on this pod and the drain fails'),
    });
    if (retry) {
      pod.retryAt = state.now + DRAIN_RETRY_SECONDS;
      state.retries.add(pod.retryAt, key);
    }
  }
}

/**
 * A DELETE: on a node whose kubelet runs, the pod is gone (within its grace period; Drydock drops it
 * at once); on an unreachable node it stays Terminating until the kubelet returns. Either way its
 * controller sees it go.
 */
export function startDeletion(state: WhatIfState, pod: LivePod): void {
  const node = pod.pod.nodeName === null ? undefined : state.nodes.get(pod.pod.nodeName);
  state.evictions.cancel(pod.evictionAt, pod.pod.key);
  pod.evictionAt = null;
  if (node && !node.kubeletUp) {
    setReady(state, pod, false);
    pod.phase = 'Terminating';
    pod.pod = { ...pod.pod, terminating: true };
    syncEndpoints(state, pod);
    state.gone.push({ pod, removed: false });
    return;
  }
  forgetPod(state, pod);
  state.gone.push({ pod, removed: true });
}
