import * as l10n from '@vscode/l10n';
import type { TimelineEntry } from '../simulator/lifecycle/timeline';
import type { Verdict } from '../simulator/lifecycle/verdicts';

/**
 * The what-if timeline and verdicts in words, one implementation for `drydock whatif`'s text
 * (cli/whatifText.ts) and the preview's What-if view (whatIfPreview.ts).
 */

/** An entry without its time and why: `node worker-1a NotReady`. */
export function describeEntry(e: TimelineEntry): string {
  switch (e.type) {
    case 'NodeNotReady': return l10n.t('node {0} NotReady', e.node);
    case 'NodeReady': return l10n.t('node {0} Ready', e.node);
    case 'NodeCordoned': return l10n.t('node {0} cordoned', e.node);
    case 'TaintAdded': return l10n.t('node {0} tainted {1}', e.node, e.taint);
    case 'TaintRemoved': return l10n.t('node {0} untainted {1}', e.node, e.taint);
    case 'PodNotReady': return l10n.t('pod {0} not ready', e.pod);
    case 'PodReady': return l10n.t('pod {0} ready', e.pod);
    case 'PodDeleted': return l10n.t('pod {0} deleted', e.pod);
    case 'EndpointRemoved': return l10n.t('service {0} drops endpoint {1}', e.service, e.pod);
    case 'EndpointAdded': return l10n.t('service {0} adds endpoint {1}', e.service, e.pod);
    case 'PodEvicted': return l10n.t('pod {0} evicted ({1})', e.pod, e.reason);
    case 'EvictionBlocked': return l10n.t('pod {0} eviction refused by PodDisruptionBudget {1}: {2}', e.pod, e.pdb, e.message);
    case 'PodCreated': return l10n.t('pod {0} created by {1}', e.pod, e.owner);
    case 'PodScheduled': return l10n.t('pod {0} scheduled on {1}', e.pod, e.node);
    case 'PodPending': return l10n.t('pod {0} Pending: {1}', e.pod, e.message);
    case 'DrainRefused': return l10n.t('node {0} drain refused: pod {1}: {2}', e.node, e.pod, e.message);
  }
}

/** `web: 2/3 ready from +50s to +350s; never below minAvailable 2 (PodDisruptionBudget web)`. */
export function verdictLine(v: Verdict, end: number): string {
  const name = v.namespace === 'default' ? v.name : `${v.namespace}/${v.name}`;
  const span = (s: { from: number; to: number | null }): string => {
    if (s.to === s.from) return l10n.t('for a moment at +{0}s', s.from);
    return s.to === null ? l10n.t('from +{0}s to the end (+{1}s)', s.from, end) : l10n.t('from +{0}s to +{1}s', s.from, s.to);
  };
  if (v.kind === 'Service') {
    const head = v.below ? l10n.t('{0}/{1} ready endpoints {2}', v.min, v.total, span(v.below)) : l10n.t('{0}/{1} ready endpoints throughout', v.total, v.total);
    const empty = v.min === 0 ? l10n.t('no ready endpoint at some point: traffic fails') : l10n.t('never without a ready endpoint');
    return l10n.t('service {0}: {1}; {2}', name, head, empty);
  }
  const head = v.below ? l10n.t('{0}/{1} ready {2}', v.min, v.total, span(v.below)) : l10n.t('{0}/{1} ready throughout', v.total, v.total);
  const tail = v.final !== v.total && v.below?.to !== null ? l10n.t('; {0}/{1} at the end', v.final, v.total) : '';
  if (!v.budget) return `${name}: ${head}${tail}`;
  const floor = l10n.t('{0}, needs {1} (PodDisruptionBudget {2})', v.budget.requirement, v.budget.desired, v.budget.name);
  const budget = v.budget.under ? l10n.t('below {0} {1}', floor, span(v.budget.under)) : l10n.t('never below {0}', floor);
  return `${name}: ${head}${tail}; ${budget}`;
}
