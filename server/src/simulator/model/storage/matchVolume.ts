import { compileLabelSelector, EVERYTHING, isRecord, type Labels } from '../labelSelector';
import { requiredNodeAffinity, type NodeView, type RequiredNodeAffinity } from '../nodeSelector';
import type { ClaimInfo, PersistentVolumeInfo, StorageClassInfo } from './storageObjects';

/**
 * Which PV a claim gets on a node (`FindMatchingVolume`, scheduler path; volumes.md §5.3), and the
 * topology tests around it. Node affinity is checked against the node's **labels** only
 * (`CheckNodeAffinity` builds a node from labels, so `matchFields` never match).
 */
export function pvNodeAffinityMatches(pv: PersistentVolumeInfo, node: NodeView): boolean {
  if (pv.provisionedFor !== null && pv.provisionedFor !== node.name) return false;
  if (pv.nodeAffinity === undefined || pv.nodeAffinity === null) return true;
  return compiledAffinity(pv.nodeAffinity).matches({ name: '', labels: node.labels });
}

/** Compiled once per affinity object (PV copies share theirs): the scheduler asks per pod and node. */
const COMPILED = new WeakMap<object, RequiredNodeAffinity>();

function compiledAffinity(raw: unknown): RequiredNodeAffinity {
  const cached = typeof raw === 'object' && raw !== null ? COMPILED.get(raw) : undefined;
  if (cached) return cached;
  const affinity = requiredNodeAffinity({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: raw } } });
  if (typeof raw === 'object' && raw !== null) COMPILED.set(raw, affinity);
  return affinity;
}

/** `MatchTopologySelectorTerms`: no terms → every node; terms ORed; an empty term matches nothing. */
export function allowedTopologiesMatch(sc: StorageClassInfo, labels: Labels): boolean {
  if (sc.allowedTopologies.length === 0) return true;
  for (const term of sc.allowedTopologies) {
    const expressions = isRecord(term) && Array.isArray(term.matchLabelExpressions) ? term.matchLabelExpressions.filter(isRecord) : [];
    if (expressions.length === 0) continue;
    let all = true;
    for (const e of expressions) {
      const value = typeof e.key === 'string' ? labels[e.key] : undefined;
      if (value === undefined || !Array.isArray(e.values) || !e.values.includes(value)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

export function claimKey(claim: ClaimInfo): string {
  return `${claim.namespace}/${claim.name}`;
}

/**
 * The smallest PV of the claim's class that fits on a node (`node` null: the PV
 * controller's path, no node-affinity test), skipping `taken`. Equal capacities: the lowest PV name.
 * A PV pre-bound to the claim (`claimRef`) wins if its affinity matches, else nothing matches.
 */
export function findMatchingVolume(claim: ClaimInfo, volumes: Iterable<PersistentVolumeInfo>, node: NodeView | null, taken: ReadonlySet<string>): PersistentVolumeInfo | null {
  const key = claimKey(claim);
  const selector = claim.selector === null ? EVERYTHING : compileLabelSelector(claim.selector);
  const cls = claim.storageClassName ?? '';
  let best: PersistentVolumeInfo | null = null;
  for (const pv of volumes) {
    if (taken.has(pv.name) || pv.deleting) continue;
    if (pv.claimRef !== null && pv.claimRef !== key) continue;
    if (pv.capacity < claim.request || pv.volumeMode !== claim.volumeMode) continue;
    if (pv.storageClassName !== cls) continue;
    if (pv.claimRef === key) return node === null || pvNodeAffinityMatches(pv, node) ? pv : null;
    if (pv.phase !== 'Available' || !selector.matches(pv.labels)) continue;
    if (node !== null && !pvNodeAffinityMatches(pv, node)) continue;
    if (!claim.accessModes.every((m) => pv.accessModes.includes(m))) continue;
    if (best === null || pv.capacity < best.capacity || (pv.capacity === best.capacity && pv.name < best.name)) best = pv;
  }
  return best;
}
