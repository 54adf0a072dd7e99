/**
 * How many feasible nodes the scheduler looks for before it stops filtering
 * (`numFeasibleNodesToFind`, percentageOfNodesToScore):
 *
 *   N < 100                 → N (every node)
 *   percentage p (0 = adaptive: max(5, 50 − N/125), integer division)
 *   max(100, N·p/100)
 *
 * Worked examples: N=99 → 99; N=500 → p=46 → 230; N=1000 → 420; N=5000 → p=10 → 500;
 * N=6000 → p=5 → 300. With p=100 every node is filtered and scored.
 */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}
