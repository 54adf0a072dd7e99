import { ALL_ID as ALL_SET, intersectIds, NONE_ID as NO_SET, unionIds } from './portSet';
import { rulePorts, type PolicyIndex, type RuleIndex } from './policyIndex';

/**
 * The class-level reachability matrix: for endpoints s, d (pod classes, then external ranges),
 * the port-set id of the connections s may initiate to d = egress(s → d) ∩ ingress(d ← s).
 *
 *   egress(s → d)  = ALL if no policy selects s for Egress, else ∪ ports(r, d) over the egress rules r
 *                    of those policies whose peers match d (named ports resolved against d);
 *   ingress(d ← s) = ALL if no policy selects d for Ingress, else ∪ ports(r, d) over the ingress rules
 *                    whose peers match s;
 *   an external source has no egress policy and an external destination no ingress policy.
 *
 * Classes selected by the same policies share one vector (keyed by their policy-id list, plus the
 * class itself for ingress rules with named ports), so the cost is one vector per distinct policy
 * set and one memoised intersection per cell.
 */
export interface ClassMatrix {
  size: number;
  /** Row-major: cells[s * size + d]. External → external cells are NONE (not governed, not shown). */
  cells: Int32Array;
}

/** Refuse matrices above this many endpoints² cells (a finding explains it; queries still work). */
export const MAX_MATRIX_CELLS = 36_000_000;

// Module-local copies: hot loops read them millions of times (imported bindings may be getters).
const ALL_ID = ALL_SET;
const NONE_ID = NO_SET;

export function egressVector(index: PolicyIndex, source: number, cache: Map<string, Int32Array>): Int32Array | null {
  const policies = index.egressPolicies[source];
  if (!policies || policies.length === 0) return null;
  const key = policies.join(',');
  let vector = cache.get(key);
  if (!vector) {
    vector = new Int32Array(index.endpointCount).fill(NONE_ID);
    for (const id of policies) {
      for (const rule of index.model.policies[id].egress) {
        const entry = index.rules.get(rule) as RuleIndex;
        for (let d = 0; d < index.endpointCount; d++) {
          if (entry.peers && !entry.peers[d]) continue;
          vector[d] = unionIds(index.table, vector[d], rulePorts(index, entry, d));
        }
      }
    }
    cache.set(key, vector);
  }
  return vector;
}

export function ingressVector(index: PolicyIndex, destination: number, cache: Map<string, Int32Array>): Int32Array | null {
  const policies = index.ingressPolicies[destination];
  if (!policies || policies.length === 0) return null;
  const entries = policies.flatMap((id) => index.model.policies[id].ingress.map((rule) => index.rules.get(rule) as RuleIndex));
  // Ingress ports resolve against the destination itself: destinations whose named ports resolve to
  // the same numbers share the vector, so the key lists the resolved port-set ids of those rules.
  const resolved = entries.map((entry) => rulePorts(index, entry, destination));
  const key = entries.some((entry) => entry.hasNamedPorts) ? `${policies.join(',')}#${resolved.join(',')}` : policies.join(',');
  let vector = cache.get(key);
  if (!vector) {
    vector = new Int32Array(index.endpointCount).fill(NONE_ID);
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      const ports = resolved[e];
      if (ports === NONE_ID) continue;
      for (let s = 0; s < index.endpointCount; s++) {
        if (entry.peers && !entry.peers[s]) continue;
        vector[s] = unionIds(index.table, vector[s], ports);
      }
    }
    cache.set(key, vector);
  }
  return vector;
}

export function computeClassMatrix(index: PolicyIndex): ClassMatrix {
  const size = index.endpointCount;
  const classes = index.classes.length;
  const cells = new Int32Array(size * size).fill(NONE_ID);
  const egressCache = new Map<string, Int32Array>();
  const ingressCache = new Map<string, Int32Array>();
  const ingress: Array<Int32Array | null> = [];
  for (let d = 0; d < classes; d++) ingress.push(ingressVector(index, d, ingressCache));
  for (let s = 0; s < size; s++) {
    const egress = s < classes ? egressVector(index, s, egressCache) : null;
    const row = s * size;
    const last = s < classes ? size : classes;
    for (let d = 0; d < last; d++) {
      const out = egress ? egress[d] : ALL_ID;
      const inVector = d < classes ? ingress[d] : null;
      const inn = inVector ? inVector[s] : ALL_ID;
      // Inlined fast paths of intersectIds (most cells are all/none).
      cells[row + d] = out === inn || inn === ALL_ID ? out : out === ALL_ID ? inn : out === NONE_ID || inn === NONE_ID ? NONE_ID : intersectIds(index.table, out, inn);
    }
  }
  return { size, cells };
}
