import { definePlugin, MAX_NODE_SCORE } from '../types';

/**
 * ImageLocality (score only): favours nodes that already have the pod's images (`status.images`),
 * discounted by how few nodes have them:
 *   sum     = Σ over containers (init + regular) whose normalized image the node has:
 *             trunc(size · numNodesWithImage / totalNodes)
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

export const imageLocalityPlugin = definePlugin<never, undefined>({
  name: IMAGE_LOCALITY,
  preScore() {
    return undefined;
  },
  score(cycle, _state, node) {
    const images = cycle.pod.spec.images;
    const total = cycle.cluster.nodes.length;
    let sum = 0;
    for (const image of images) {
      const size = node.images.get(image);
      if (size === undefined) continue;
      sum += Math.trunc(size * ((cycle.cluster.imageNodeCount.get(image) ?? 0) / total));
    }
    const max = MAX_CONTAINER_THRESHOLD * images.length;
    if (max <= MIN_THRESHOLD) return 0;
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
});
