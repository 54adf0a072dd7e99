import { isRecord } from '../model/labelSelector';
import { NO_EXECUTE, toleratesTaint, type Taint, type Toleration } from '../model/taints';
import { DEFAULT_TOLERATION_SECONDS, NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY } from './timing';

/** A toleration with its `tolerationSeconds` (null: not set, tolerated forever). */
export interface TimedToleration extends Toleration {
  seconds: number | null;
}

export function parseTimedTolerations(raw: unknown): TimedToleration[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((t) => ({
    key: text(t.key),
    operator: text(t.operator),
    value: text(t.value),
    effect: text(t.effect),
    seconds: typeof t.tolerationSeconds === 'number' && Number.isFinite(t.tolerationSeconds) ? Math.trunc(t.tolerationSeconds) : null,
  }));
}

/**
 * The DefaultTolerationSeconds admission plugin (node-lifecycle.md §4): a toleration counts for a key
 * when its key is that key or empty and its effect is NoExecute or empty (operator and seconds do not
 * matter); for each of `not-ready` and `unreachable` not counted, `{key, Exists, NoExecute, 300}` is
 * appended.
 */
export function withDefaultTolerationSeconds(tolerations: readonly TimedToleration[]): TimedToleration[] {
  const counts = (key: string): boolean => tolerations.some((t) => (t.key === key || t.key === '') && (t.effect === NO_EXECUTE || t.effect === ''));
  const added = [NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY]
    .filter((key) => !counts(key))
    .map((key) => ({ key, operator: 'Exists', value: '', effect: NO_EXECUTE, seconds: DEFAULT_TOLERATION_SECONDS }));
  return [...tolerations, ...added];
}

/** What the taint-eviction controller does with a pod on a node with these NoExecute taints. */
export type NoExecuteVerdict =
  | { kind: 'none' }
  | { kind: 'now'; taint: Taint }
  | { kind: 'after'; seconds: number; toleration: TimedToleration }
  | { kind: 'never' };

/**
 * `processPodOnNode` (node-lifecycle.md §5): per NoExecute taint the first toleration that tolerates
 * it; a taint none tolerates → delete now; else the smallest `tolerationSeconds` of the tolerations
 * used (≤ 0 → now); none set → tolerated forever.
 */
export function noExecuteVerdict(taints: readonly Taint[], tolerations: readonly TimedToleration[]): NoExecuteVerdict {
  const noExecute = taints.filter((t) => t.effect === NO_EXECUTE);
  if (noExecute.length === 0) return { kind: 'none' };
  let min: TimedToleration | null = null;
  for (const taint of noExecute) {
    const used = tolerations.find((t) => toleratesTaint(t, taint));
    if (!used) return { kind: 'now', taint };
    if (used.seconds !== null && (min === null || min.seconds === null || used.seconds < min.seconds)) min = used;
  }
  if (min === null || min.seconds === null) return { kind: 'never' };
  if (min.seconds <= 0) return { kind: 'now', taint: noExecute[0] };
  return { kind: 'after', seconds: min.seconds, toleration: min };
}

/** `key:Effect` (with `=value` when the taint has one), as the timeline prints taints. */
export function taintText(taint: Taint): string {
  return `${taint.key}${taint.value === '' ? '' : `=${taint.value}`}:${taint.effect}`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
