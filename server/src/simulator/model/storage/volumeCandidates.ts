import { compileLabelSelector, EVERYTHING, isRecord } from '../labelSelector';
import type { NodeView } from '../nodeSelector';
import { claimKey, pvNodeAffinityMatches } from './matchVolume';
import type { ClaimInfo, PersistentVolumeInfo } from './storageObjects';

/**
 * `findMatchingVolume` (scheduler path) split in two, with the same answers: once per claim (and
 * per change of the PVs' bindings), the PVs that pass every test that does not depend on the node,
 * sorted smallest first (equal capacities: lowest name), and bucketed by the label their node
 * affinity needs; then, per node, the first untaken PV of each bucket the node's labels open whose
 * affinity matches. A PV is bucketed under key K when every term of its affinity has an `In` on K (a
 * node without one of those values can never match; with a single term holding only that `In`, being
 * in the bucket is the match); the others (no affinity, other shapes) are checked on every node.
 * Whoever adds or replaces a PV calls `volumesChanged`; whoever binds one, `bindingsChanged`.
 */
export interface ClaimCandidates {
  /** PVs pre-bound to the claim (`claimRef`), in definition order: the first untaken one decides. */
  readonly preBound: readonly PersistentVolumeInfo[];
  /** Label key → label value → PVs needing it, smallest first. */
  readonly byLabel: ReadonlyMap<string, ReadonlyMap<string, readonly Candidate[]>>;
  /** PVs not bucketed, smallest first. */
  readonly anyNode: readonly Candidate[];
}

interface Candidate {
  readonly pv: PersistentVolumeInfo;
  /** Being in its bucket proves the node affinity (one term, one `In`). */
  readonly exact: boolean;
}

interface NeededLabel {
  readonly key: string;
  readonly values: ReadonlySet<string>;
  readonly exact: boolean;
}

interface IndexedVolume {
  readonly pv: PersistentVolumeInfo;
  readonly needed: NeededLabel | null;
}

interface ClassIndex {
  /** Size of the volume map when built (a safety net besides `volumesChanged`). */
  readonly size: number;
  /** Class → its PVs, smallest first (equal capacities: lowest name). */
  readonly byClass: ReadonlyMap<string, readonly IndexedVolume[]>;
  /** PV → position in the map (definition order). */
  readonly ordered: ReadonlyMap<PersistentVolumeInfo, number>;
  /** Candidates per claim, until a binding changes. */
  candidates: WeakMap<ClaimInfo, ClaimCandidates>;
}

/** Per volume map (one per scheduler state). */
const CLASS_INDEXES = new WeakMap<ReadonlyMap<string, PersistentVolumeInfo>, ClassIndex>();

/** To be called after a PV is added to (or replaced in) a volume map that may be indexed. */
export function volumesChanged(volumes: ReadonlyMap<string, PersistentVolumeInfo>): void {
  CLASS_INDEXES.delete(volumes);
}

/** To be called after a PV of the map is bound (its `claimRef` / `phase` changed). */
export function bindingsChanged(volumes: ReadonlyMap<string, PersistentVolumeInfo>): void {
  const index = CLASS_INDEXES.get(volumes);
  if (index) index.candidates = new WeakMap();
}

export function claimCandidates(claim: ClaimInfo, volumes: ReadonlyMap<string, PersistentVolumeInfo>): ClaimCandidates {
  const index = classIndex(volumes);
  let candidates = index.candidates.get(claim);
  if (candidates === undefined) index.candidates.set(claim, (candidates = gather(claim, index)));
  return candidates;
}

function gather(claim: ClaimInfo, index: ClassIndex): ClaimCandidates {
  const key = claimKey(claim);
  const selector = claim.selector === null ? EVERYTHING : compileLabelSelector(claim.selector);
  const preBound: PersistentVolumeInfo[] = [];
  const byLabel = new Map<string, Map<string, Candidate[]>>();
  const anyNode: Candidate[] = [];
  for (const { pv, needed } of index.byClass.get(claim.storageClassName ?? '') ?? []) {
    if (pv.deleting) continue;
    if (pv.claimRef !== null && pv.claimRef !== key) continue;
    if (pv.capacity < claim.request || pv.volumeMode !== claim.volumeMode) continue;
    if (pv.claimRef === key) {
      preBound.push(pv);
      continue;
    }
    if (pv.phase !== 'Available' || !selector.matches(pv.labels)) continue;
    if (!containsAll(pv.accessModes, claim.accessModes)) continue;
    if (needed === null) {
      anyNode.push({ pv, exact: false });
      continue;
    }
    const candidate = { pv, exact: needed.exact };
    let buckets = byLabel.get(needed.key);
    if (!buckets) byLabel.set(needed.key, (buckets = new Map()));
    for (const value of needed.values) {
      const bucket = buckets.get(value);
      if (bucket) bucket.push(candidate);
      else buckets.set(value, [candidate]);
    }
  }
  // Pre-bound PVs in definition order, as `findMatchingVolume` meets them.
  if (preBound.length > 1) preBound.sort((a, b) => (index.ordered.get(a) ?? 0) - (index.ordered.get(b) ?? 0));
  return { preBound, byLabel, anyNode };
}

/** `findMatchingVolume(claim, volumes, node, taken)` for the claim `candidates` were gathered for. */
export function matchOnNode(candidates: ClaimCandidates, node: NodeView, taken: ReadonlySet<string>): PersistentVolumeInfo | null {
  for (const pv of candidates.preBound) {
    if (!taken.has(pv.name)) return pvNodeAffinityMatches(pv, node) ? pv : null;
  }
  let best = firstMatch(candidates.anyNode, node, taken);
  for (const [key, buckets] of candidates.byLabel) {
    const value = node.labels[key];
    const bucket = value === undefined ? undefined : buckets.get(value);
    if (!bucket) continue;
    const pv = firstMatch(bucket, node, taken);
    if (pv && (best === null || pv.capacity < best.capacity || (pv.capacity === best.capacity && pv.name < best.name))) best = pv;
  }
  return best;
}

function firstMatch(sorted: readonly Candidate[], node: NodeView, taken: ReadonlySet<string>): PersistentVolumeInfo | null {
  for (const { pv, exact } of sorted) if (!taken.has(pv.name) && (exact || pvNodeAffinityMatches(pv, node))) return pv;
  return null;
}

function containsAll(offered: readonly string[], wanted: readonly string[]): boolean {
  for (const mode of wanted) if (!offered.includes(mode)) return false;
  return true;
}

function classIndex(volumes: ReadonlyMap<string, PersistentVolumeInfo>): ClassIndex {
  const cached = CLASS_INDEXES.get(volumes);
  if (cached && cached.size === volumes.size) return cached;
  const byClass = new Map<string, IndexedVolume[]>();
  const ordered = new Map<PersistentVolumeInfo, number>();
  for (const pv of volumes.values()) {
    ordered.set(pv, ordered.size);
    const entry = { pv, needed: neededLabel(pv) };
    const list = byClass.get(pv.storageClassName);
    if (list) list.push(entry);
    else byClass.set(pv.storageClassName, [entry]);
  }
  for (const list of byClass.values()) list.sort((x, y) => (x.pv.capacity < y.pv.capacity ? -1 : x.pv.capacity > y.pv.capacity ? 1 : x.pv.name < y.pv.name ? -1 : x.pv.name > y.pv.name ? 1 : 0));
  const index: ClassIndex = { size: volumes.size, byClass, ordered, candidates: new WeakMap() };
  CLASS_INDEXES.set(volumes, index);
  return index;
}

/**
 * A label every node the PV's affinity admits must carry, with its allowed values: a key with an
 * `In` expression in every term (values: the union). Null when there is none (or the PV is
 * provisioned for one node, or has no affinity).
 */
function neededLabel(pv: PersistentVolumeInfo): NeededLabel | null {
  if (pv.provisionedFor !== null || !isRecord(pv.nodeAffinity) || !Array.isArray(pv.nodeAffinity.nodeSelectorTerms)) return null;
  const terms: unknown[] = pv.nodeAffinity.nodeSelectorTerms;
  if (terms.length === 0) return null;
  for (const [key] of inExpressions(terms[0])) {
    const values = new Set<string>();
    let everyTerm = true;
    for (const term of terms) {
      const inTerm = inExpressions(term).filter(([k]) => k === key);
      if (inTerm.length === 0) {
        everyTerm = false;
        break;
      }
      // Several `In` on one key in a term are ANDed: any one of them is a necessary condition.
      for (const value of inTerm[0][1]) values.add(value);
    }
    if (everyTerm) return { key, values, exact: terms.length === 1 && isOnlyExpression(terms[0]) };
  }
  return null;
}

/** The term holds one expression (an `In`) and no `matchFields`. */
function isOnlyExpression(term: unknown): boolean {
  return isRecord(term) && Array.isArray(term.matchExpressions) && term.matchExpressions.length === 1 && (term.matchFields === undefined || (Array.isArray(term.matchFields) && term.matchFields.length === 0));
}

function inExpressions(term: unknown): Array<[string, string[]]> {
  if (!isRecord(term) || !Array.isArray(term.matchExpressions)) return [];
  const result: Array<[string, string[]]> = [];
  for (const e of term.matchExpressions) {
    if (isRecord(e) && e.operator === 'In' && typeof e.key === 'string') result.push([e.key, Array.isArray(e.values) ? e.values.map(String) : []]);
  }
  return result;
}
