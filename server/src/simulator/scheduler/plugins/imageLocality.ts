import type { ClusterState } from '../cache/clusterState';
import { definePlugin, MAX_NODE_SCORE } from '../types';

/**
 * ImageLocality (score only): favours nodes that already have the pod's images (`status.images`),
 * discounted by how few nodes have them:
 *   sum     = Σ over containers (init + regular) whose normalized image the node has:
 *             trunc(size · (numNodesWithImage / totalNodes))
 *   clamped = min(max(sum, 23 MiB), 1000 MiB · containers)
 *   score   = 100 · (clamped − 23 MiB) / (1000 MiB · containers − 23 MiB)   (integer division)
 *
 * Worked example: 2 nodes, node-a has app:1.0 (500 MiB), one container → sum = 262144000 →
 * 100·(262144000 − 24117248)/(1048576000 − 24117248) = 23; node-b → 0.
 */
export const IMAGE_LOCALITY = 'ImageLocality';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;
const MAX_SCORE = MAX_NODE_SCORE;

interface ImageState {
  /** For each of the pod's images some node has: its size per node index, and numNodes/totalNodes. */
  sizes: Float64Array[];
  spreads: number[];
  maxThreshold: number;
}

function scoreAt(state: ImageState, index: number): number {
  const count = state.sizes.length;
  if (count === 0) return 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const size = state.sizes[i][index];
    if (size > 0) sum += Math.trunc(size * state.spreads[i]);
  }
  if (state.maxThreshold <= MIN_THRESHOLD) return 0;
  const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), state.maxThreshold);
  return Math.trunc((MAX_SCORE * (clamped - MIN_THRESHOLD)) / (state.maxThreshold - MIN_THRESHOLD));
}

/** Size of an image on every node (0 where absent), built once per cluster state. */
function sizesOf(cluster: ClusterState, image: string): Float64Array {
  let sizes = cluster.imageSizes.get(image);
  if (!sizes) {
    sizes = new Float64Array(cluster.nodes.length);
    for (const node of cluster.nodes) sizes[node.index] = node.images.get(image) ?? 0;
    cluster.imageSizes.set(image, sizes);
  }
  return sizes;
}

export const imageLocalityPlugin = definePlugin<never, ImageState>({
  name: IMAGE_LOCALITY,
  preScore(cycle) {
    const cluster = cycle.cluster;
    const total = cluster.nodes.length;
    const state: ImageState = { sizes: [], spreads: [], maxThreshold: MAX_CONTAINER_THRESHOLD * cycle.pod.spec.images.length };
    for (const image of cycle.pod.spec.images) {
      const withImage = cluster.imageNodeCount.get(image) ?? 0;
      if (withImage === 0) continue;
      state.sizes.push(sizesOf(cluster, image));
      state.spreads.push(withImage / total);
    }
    return state;
  },
  score: (_cycle, state, node) => scoreAt(state, node.index),
  scoreNodes(_cycle, state, nodes, out) {
    if (state.sizes.length === 0) {
      out.fill(0, 0, nodes.length);
      return;
    }
    for (let i = 0; i < nodes.length; i++) out[i] = scoreAt(state, nodes[i]);
  },
});
