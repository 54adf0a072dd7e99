import { findUntoleratedTaint, isDoNotScheduleTaint } from '../../model/taints';
import { counterFor } from '../cache/counters/counterFor';
import { createDomainCounter, createNodeCounter, type DomainCounter, type NodeCounter } from '../cache/counters/domainCounter';
import type { NodeInfo } from '../cache/nodeInfo';
import type { SpreadConstraint } from '../cache/podSpread';
import { topologyOf } from '../cache/clusterState';
import type { Cycle } from '../types';

/**
 * The shared counter for one constraint: nodes count when they have every key in `requiredKeys`
 * and pass the constraint's inclusion policies for this pod.
 */
export function domainCounterFor(cycle: Cycle, c: SpreadConstraint, requiredKeys: readonly string[], purpose: string): DomainCounter {
  const spec = cycle.pod.spec;
  const ns = cycle.pod.namespace;
  const cluster = cycle.cluster;
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
  return counterFor(cluster, key, () => createDomainCounter(ns, c.selector, topologyOf(cluster, c.topologyKey), cluster.nodes, eligible));
}

/** The shared per-node counter of pods matching a constraint's selector. */
export function nodeCounterFor(cycle: Cycle, c: SpreadConstraint): NodeCounter {
  const ns = cycle.pod.namespace;
  const cluster = cycle.cluster;
  return counterFor(cluster, `nodes|${ns}|${c.selector.key}`, () => createNodeCounter(ns, c.selector, cluster.nodes.length));
}

/** A value computed once per compiled pod variant (`owner`: its spread or terms object) and cluster state. */
export function resolvedOnce<T>(cycle: Cycle, owner: object, compute: () => T): T {
  const cache = cycle.cluster.resolvedCounters;
  let value = cache.get(owner) as T | undefined;
  if (value === undefined) {
    value = compute();
    cache.set(owner, value);
  }
  return value;
}
