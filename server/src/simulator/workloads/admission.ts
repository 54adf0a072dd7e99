import * as l10n from '@vscode/l10n';
import type { ClusterObjects } from '../model/clusterObjects';
import { isRecord } from '../model/labelSelector';
import type { PodSpec } from '../model/pod';
import type { FieldPath } from '../model/source';

/**
 * What the API server's admission chain changes in a pod spec before anything schedules it, for
 * the parts that matter to scheduling:
 *   - Priority: `priorityClassName` → `spec.priority` (+ the class's preemptionPolicy); without a
 *     name, the `globalDefault` class, else 0. An unknown class rejects the pod.
 *   - RuntimeClass: `runtimeClassName` → `spec.overhead` = the class's `overhead.podFixed`, its
 *     `scheduling.nodeSelector` merged into the pod's (a conflicting key rejects the pod) and its
 *     `scheduling.tolerations` appended. An unknown class rejects the pod.
 * Applied once per pod template; the replicas share the resulting spec object.
 */
export type AdmissionResult =
  | { ok: true; spec: PodSpec; priority: number }
  | { ok: false; path: FieldPath; message: string };

export function admitPodSpec(spec: PodSpec, objects: ClusterObjects): AdmissionResult {
  const admitted: PodSpec = { ...spec };
  const priority = admitPriority(admitted, objects);
  if (typeof priority === 'string') return { ok: false, path: ['priorityClassName'], message: priority };
  const runtime = admitRuntimeClass(admitted, objects);
  if (runtime) return { ok: false, path: ['runtimeClassName'], message: runtime };
  return { ok: true, spec: admitted, priority };
}

function admitPriority(spec: PodSpec, objects: ClusterObjects): number | string {
  const name = typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '' ? spec.priorityClassName : undefined;
  if (name !== undefined) {
    const pc = objects.priorityClasses.get(name);
    if (!pc) return l10n.t('The API server rejects this pod: {0}. Define the PriorityClass (in the manifests or the cluster profile) or fix the name.', `no PriorityClass with name ${name} was found`);
    spec.priority = pc.value;
    if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = pc.preemptionPolicy;
    return pc.value;
  }
  let best: { value: number; preemptionPolicy: string } | undefined;
  for (const pc of objects.priorityClasses.values()) if (pc.globalDefault && (!best || pc.value > best.value)) best = pc;
  if (typeof spec.priority === 'number') return spec.priority;
  if (best) {
    spec.priority = best.value;
    if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = best.preemptionPolicy;
    return best.value;
  }
  return 0;
}

function admitRuntimeClass(spec: PodSpec, objects: ClusterObjects): string | undefined {
  const name = typeof spec.runtimeClassName === 'string' && spec.runtimeClassName !== '' ? spec.runtimeClassName : undefined;
  if (name === undefined) return undefined;
  const rc = objects.runtimeClasses.get(name);
  if (!rc) return l10n.t('The API server rejects this pod: {0}. Define the RuntimeClass (in the manifests or the cluster profile) or fix the name.', `RuntimeClass "${name}" not found`);
  if (rc.overhead) spec.overhead = { ...rc.overhead } as Record<string, string | number>;
  const selector: Record<string, string> = isRecord(spec.nodeSelector) ? { ...spec.nodeSelector } : {};
  for (const [key, value] of Object.entries(rc.nodeSelector)) {
    if (selector[key] !== undefined && selector[key] !== value) {
      return l10n.t('The API server rejects this pod: RuntimeClass "{0}" requires nodeSelector {1}={2}, but the pod asks for {1}={3}.', name, key, value, selector[key]);
    }
    selector[key] = value;
  }
  if (Object.keys(rc.nodeSelector).length > 0) spec.nodeSelector = selector;
  if (rc.tolerations.length > 0) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...(rc.tolerations as Array<Record<string, unknown>>)];
  return undefined;
}
