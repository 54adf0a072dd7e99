import { MAX_NODE_SCORE } from '../types';

const MAX_SCORE = MAX_NODE_SCORE;

/**
 * `helper.DefaultNormalizeScore`: scales so the highest raw score becomes 100 (integer division),
 * reversed when asked (100 − that). With every raw score 0: all 0, or all 100 when reversed.
 *
 * Worked example (NodeAffinity): raw 2, 11, 4 → 100·2/11 = 18, 100, 100·4/11 = 36.
 */
export function defaultNormalizeScore(scores: Float64Array, reverse: boolean): void {
  let max = 0;
  const count = scores.length;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) scores.fill(MAX_SCORE);
    return;
  }
  for (let i = 0; i < count; i++) {
    const scaled = Math.trunc((MAX_SCORE * scores[i]) / max);
    scores[i] = reverse ? MAX_SCORE - scaled : scaled;
  }
}
