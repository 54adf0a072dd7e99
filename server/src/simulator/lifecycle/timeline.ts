/**
 * The what-if timeline's entries (`drydock whatif --format json`, node-lifecycle.md §10), a contract
 * other tools read: `at` in seconds, `type`, then the fields of that type. `why` is the teaching text
 * the text output prints; it is never part of the JSON.
 */
interface At {
  at: number;
  why?: string;
}

export type TimelineEntry =
  | (At & { type: 'NodeNotReady' | 'NodeCordoned' | 'NodeReady'; node: string })
  | (At & { type: 'TaintAdded' | 'TaintRemoved'; node: string; taint: string })
  | (At & { type: 'PodNotReady' | 'PodReady' | 'PodDeleted'; pod: string })
  | (At & { type: 'EndpointRemoved' | 'EndpointAdded'; service: string; pod: string })
  | (At & { type: 'PodEvicted'; pod: string; reason: 'DeletionByTaintManager' | 'EvictionByEvictionAPI' })
  | (At & { type: 'EvictionBlocked'; pod: string; pdb: string; message: string })
  | (At & { type: 'PodCreated'; pod: string; owner: string })
  | (At & { type: 'PodScheduled'; pod: string; node: string })
  | (At & { type: 'PodPending'; pod: string; message: string })
  | (At & { type: 'DrainRefused'; node: string; pod: string; message: string });

export type TimelineType = TimelineEntry['type'];

/** The user's events: `node-down:NODE[@T]`, `drain:NODE[@T]`, `cordon:NODE[@T]`, `node-up:NODE@T`. */
export type WhatIfEventKind = 'node-down' | 'node-up' | 'cordon' | 'drain';

export interface WhatIfEvent {
  kind: WhatIfEventKind;
  node: string;
  at: number;
}
