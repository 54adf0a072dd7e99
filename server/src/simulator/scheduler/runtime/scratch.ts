import type { Status } from '../types';
import { createArena, type Arena } from './arena';
import { createStatusTable, type StatusTable } from './statusTable';

/**
 * The framework's working memory, allocated once per scheduler and reused by every cycle: a pass
 * over 5,000 nodes would otherwise allocate (and the collector reclaim) a handful of node-sized
 * arrays per pod. The buffers are never read across cycles; whatever a placement keeps is copied
 * out of them to exact size, into the arena, and failed nodes keep their statuses as numbers of
 * the status table.
 */
export const FILTER_CHUNK = 64;

export interface Scratch {
  /** The nodes of the chunk being filtered, and what each plugin said of them (null: fits so far). */
  readonly filterChunk: Int32Array;
  readonly filterStatuses: Array<Status | null>;
  /** The feasible nodes of the current cycle (copied before it is kept). */
  readonly feasibleBuffer: Int32Array;
  /** The failed nodes of the current cycle and their statuses (copied to exact size before they are kept). */
  readonly failedBuffer: Int32Array;
  readonly failedStatusBuffer: Array<Status | null>;
  /** What the score plugins score into, in turn (grown when a pass has more feasible nodes). */
  scoreBuffer: Float64Array;
  /** The statuses failed nodes are kept as numbers of (see statusTable.ts). */
  readonly statusTable: StatusTable;
  /** Where the score tables kept in placements are allocated. */
  readonly arena: Arena;
}

export function createScratch(nodeCount: number): Scratch {
  return {
    filterChunk: new Int32Array(FILTER_CHUNK),
    filterStatuses: new Array<Status | null>(FILTER_CHUNK).fill(null),
    feasibleBuffer: new Int32Array(nodeCount),
    failedBuffer: new Int32Array(nodeCount),
    failedStatusBuffer: new Array<Status | null>(nodeCount).fill(null),
    scoreBuffer: new Float64Array(nodeCount),
    statusTable: createStatusTable(),
    arena: createArena(),
  };
}

/** A view of the score buffer, `n` long. */
export function scoreScratch(scratch: Scratch, n: number, nodeCount: number): Float64Array {
  if (scratch.scoreBuffer.length < n) scratch.scoreBuffer = new Float64Array(Math.max(n, nodeCount));
  return scratch.scoreBuffer.subarray(0, n);
}
