import * as l10n from '@vscode/l10n';
import { CPU, EPHEMERAL_STORAGE, MEMORY, PODS, type ResourceAmounts } from '../../model/resources';
import type { ClusterState } from '../cache/clusterState';
import type { NodeInfo } from '../cache/nodeInfo';
import type { FilterVerdict } from '../runtime/placement';
import { dominantReason, type Clause } from './clause';
import { quantity } from './quantityText';

/**
 * NodeResourcesFit's clause of a lead sentence (leadSentence.ts): what the pod asks against what the
 * nodes have free. `requests`: the pod's (`podRequests` of its spec).
 */
export function resourcesClause(requests: ResourceAmounts, failures: readonly FilterVerdict[], cluster: ClusterState): Clause {
  const reason = dominantReason(failures);
  if (!reason.startsWith('Insufficient ')) {
    return reason.startsWith('Too many pods') ? { cause: l10n.t('the nodes already run as many pods as they allow (allocatable pods)') } : { cause: reason };
  }
  const resource = reason.slice('Insufficient '.length);
  const asked = requests[resource] ?? 0;
  let best: { free: number; alloc: number; node: string } | undefined;
  let largest = 0;
  let considered = 0;
  for (const f of failures) {
    if (!f.reason.split(', ').includes(reason)) continue;
    considered++;
    const node = cluster.nodeByName.get(f.node);
    if (!node) continue;
    const { alloc, requested } = amounts(node, resource);
    largest = Math.max(largest, alloc);
    const free = alloc - requested;
    if (!best || free > best.free) best = { free, alloc, node: node.name };
  }
  const ask = quantity(resource, asked, 'up');
  if (!best || largest <= 0) return { cause: l10n.t('asks {0}; no node offers {1}', ask, resource), fix: l10n.t('add a node with {0}', resource) };
  if (best.free <= 0) {
    return {
      cause: l10n.t("asks {0}; every node's {1} is already requested (largest: {2}, {3} allocatable)", ask, label(resource), best.node, quantity(resource, largest, 'down')),
      fix: l10n.t("add a node or lower the other pods' requests"),
    };
  }
  const fix = l10n.t('lower the request to at most {0}', quantity(resource, best.free, 'down'));
  // Nodes another filter rejected are not counted: say so when there are some.
  const all = considered === cluster.nodes.length;
  const usable = considered === 1 ? l10n.t('the 1 node it may use') : l10n.t('the {0} nodes it may use', considered);
  const alloc = quantity(resource, best.alloc, 'down');
  if (best.free === best.alloc && best.alloc === largest) {
    return { cause: all ? l10n.t('asks {0}; the largest node has {1} allocatable', ask, alloc) : l10n.t('asks {0}; the largest of {1} has {2} allocatable', ask, usable, alloc), fix };
  }
  const free = quantity(resource, best.free, 'down');
  return {
    cause: all ? l10n.t('asks {0}; the most free on any node is {1} ({2}: {3} allocatable)', ask, free, best.node, alloc) : l10n.t('asks {0}; the most free on {1} is {2} ({3}: {4} allocatable)', ask, usable, free, best.node, alloc),
    fix,
  };
}

function label(resource: string): string {
  return resource === CPU ? 'CPU' : resource;
}

/**
 * A request larger than every node's allocatable fails wherever the other filters would let the pod
 * go, so it alone is the cause: "asks 64 CPU; the largest node has 8 CPU allocatable — …".
 */
export function askBeyondEveryNode(requests: ResourceAmounts, cluster: ClusterState): string | null {
  for (const resource of [CPU, MEMORY, EPHEMERAL_STORAGE, ...Object.keys(requests).filter((r) => r !== CPU && r !== MEMORY && r !== EPHEMERAL_STORAGE && r !== PODS)]) {
    const asked = requests[resource] ?? 0;
    if (asked <= 0) continue;
    let largest = 0;
    for (const node of cluster.nodes) largest = Math.max(largest, amounts(node, resource).alloc);
    if (asked <= largest) continue;
    const ask = quantity(resource, asked, 'up');
    if (largest <= 0) return l10n.t('{0} - {1}', l10n.t('asks {0}; no node offers {1}', ask, resource), l10n.t('add a node with {0}', resource));
    const most = quantity(resource, largest, 'down');
    return l10n.t('{0} - {1}', l10n.t('asks {0}; the largest node has {1} allocatable', ask, most), l10n.t('lower the request to at most {0}', most));
  }
  return null;
}

function amounts(node: NodeInfo, resource: string): { alloc: number; requested: number } {
  const c = node.columns;
  const i = node.index;
  if (resource === CPU) return { alloc: c.allocMilliCPU[i], requested: c.requestedMilliCPU[i] };
  if (resource === MEMORY) return { alloc: c.allocMemory[i], requested: c.requestedMemory[i] };
  if (resource === EPHEMERAL_STORAGE) return { alloc: c.allocEphemeralStorage[i], requested: c.requestedEphemeralStorage[i] };
  return { alloc: node.allocScalar[resource] ?? 0, requested: node.requestedScalar[resource] ?? 0 };
}
