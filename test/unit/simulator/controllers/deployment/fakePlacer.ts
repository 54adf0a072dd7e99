import type { SimPod } from '../../../../../server/src/simulator/model/pod';
import type { PodPlacer } from '../../../../../server/src/simulator/controllers/deployment/types';

/**
 * A tiny stand-in for the scheduler: `nodes` nodes holding at most `podsPerNode` pods each, and,
 * with `antiAffinityKey`, at most one pod per node sharing that label's value (required
 * anti-affinity on kubernetes.io/hostname). First fit in node order. Records every call.
 */
export function fakePlacer(options: { nodes: number; podsPerNode?: number; antiAffinityKey?: string }) {
  const nodes = Array.from({ length: options.nodes }, (_, i) => ({ name: `node-${i + 1}`, pods: new Map<string, SimPod>() }));
  const calls: string[] = [];
  const placer: PodPlacer = {
    place(pod) {
      const key = options.antiAffinityKey;
      let full = 0;
      let conflicts = 0;
      for (const node of nodes) {
        if (node.pods.size >= (options.podsPerNode ?? Infinity)) { full++; continue; }
        if (key && [...node.pods.values()].some((other) => other.labels[key] === pod.labels[key])) { conflicts++; continue; }
        node.pods.set(pod.key, pod);
        calls.push(`place ${pod.name} → ${node.name}`);
        return { node: node.name, message: '' };
      }
      const reasons = [full ? `${full} Too many pods` : '', conflicts ? `${conflicts} node(s) didn't match pod anti-affinity rules` : ''].filter(Boolean).join(', ');
      calls.push(`pending ${pod.name}`);
      return { node: null, message: `0/${nodes.length} nodes are available: ${reasons}.` };
    },
    remove(podKey) {
      calls.push(`remove ${podKey}`);
      for (const node of nodes) node.pods.delete(podKey);
    },
  };
  return { placer, calls, nodes };
}
