import { findUntoleratedTaint, isDoNotScheduleTaint } from '../../model/taints';
import { counterFor } from '../counters/counterRegistry';
import { createDomainCounter, type DomainCounter } from '../counters/domainCounter';
import type { NodeInfo } from '../nodeInfo';
import type { SpreadConstraint } from '../podSpread';
import type { Cycle } from '../types';

/**
 * The shared counter for one constraint: nodes count when they have every key in `requiredKeys`
 * and pass the constraint's inclusion policies for this pod.
 */
export function domainCounterFor(cycle: Cycle, c: SpreadConstraint, requiredKeys: readonly string[], purpose: string): DomainCounter {
  const spec = cycle.pod.spec;
  const ns = cycle.pod.namespace;
  const key = [
    'spread', purpose, ns, c.selector.key, c.topologyKey, requiredKeys.join(','),
    c.honorNodeAffinity ? spec.nodeAffinity.key : '*',
    c.honorNodeTaints ? spec.tolerationsKey : '*',
  ].join('|');
  const eligible = (node: NodeInfo): boolean => {
    for (const k of requiredKeys) if (node.labels[k] === undefined) return false;
    if (c.honorNodeAffinity && !spec.nodeAffinity.matches(node)) return false;
    if (c.honorNodeTaints && findUntoleratedTaint(node.node.taints, spec.tolerations, isDoNotScheduleTaint)) return false;
    return true;
  };
  return counterFor(cycle.cluster.counters, cycle.cluster.nodes, key, () => createDomainCounter(ns, c.selector, c.topologyKey, cycle.cluster.nodes, eligible));
}
