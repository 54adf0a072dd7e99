import * as l10n from '@vscode/l10n';
import { verbatim } from '../../l10n/verbatim';
import { isRecord } from '../model/labelSelector';
import type { SimPod } from '../model/pod';

/** What `kubectl drain --ignore-daemonsets --delete-emptydir-data` does with one pod of the node. */
export type DrainDecision =
  | { kind: 'evict'; warning: string | null }
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; message: string };

export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
export const NO_CONTROLLER_MESSAGE = 'cannot delete Pods that declare no controller (use --force to override)';

/**
 * kubectl's drain filters in their order (`filters.go`, node-lifecycle.md §7); the first that says
 * "do not delete" decides: DaemonSet-managed (skipped), mirror pod (skipped), emptyDir (evicted with a
 * warning), no controller and not finished (error: the whole drain stops).
 */
export function drainDecision(pod: SimPod, phase: string): DrainDecision {
  if (pod.owner?.kind === 'DaemonSet') return { kind: 'skip', reason: verbatim('ignoring DaemonSet-managed Pods') };
  if (Object.prototype.hasOwnProperty.call(pod.annotations, MIRROR_POD_ANNOTATION) || pod.owner?.kind === 'Node') return { kind: 'skip', reason: l10n.t('mirror pod') };
  const emptyDir = Array.isArray(pod.spec.volumes) && pod.spec.volumes.some((v) => isRecord(v) && v.emptyDir !== undefined);
  const finished = phase === 'Succeeded' || phase === 'Failed';
  if (pod.owner === null && !finished) return { kind: 'error', message: NO_CONTROLLER_MESSAGE };
  return { kind: 'evict', warning: emptyDir ? 'deleting Pods with local storage' : null };
}
