import { isRecord, toLabels } from './labelSelector';
import type { PodSpec, SimPod } from './pod';
import type { FieldPath, KubeObject, SourceRef } from './source';

export const DEFAULT_NAMESPACE = 'default';

/** Phases in which a pod no longer holds resources on its node (the scheduler cache drops them). */
export function isTerminalPhase(phase: string | null): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

export interface PodFields {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: PodSpec;
  source: SourceRef;
  specPath: FieldPath;
  owner: { kind: string; name: string } | null;
  origin: 'manifest' | 'cluster';
}

/** Assembles a SimPod; priority is resolved later (PriorityClasses), nodeName comes from the spec. */
export function makeSimPod(fields: PodFields): SimPod {
  const nodeName = typeof fields.spec.nodeName === 'string' && fields.spec.nodeName !== '' ? fields.spec.nodeName : null;
  return {
    key: `${fields.namespace}/${fields.name}`,
    namespace: fields.namespace,
    name: fields.name,
    labels: fields.labels,
    annotations: fields.annotations,
    owner: fields.owner,
    spec: fields.spec,
    priority: 0,
    phase: null,
    ready: true,
    nodeName,
    source: fields.source,
    specPath: fields.specPath,
    origin: fields.origin,
  };
}

/**
 * A `Pod` object as written (or as `kubectl get pods -o yaml` prints it): keeps `status.phase`,
 * the `Ready` condition, `metadata.deletionTimestamp` and the controller owner reference.
 */
export function podFromObject(object: KubeObject, source: SourceRef, name: string, origin: 'manifest' | 'cluster'): SimPod {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const spec = (isRecord(object.spec) ? object.spec : {}) as PodSpec;
  const pod = makeSimPod({
    name,
    namespace: namespaceOf(object),
    labels: toLabels(metadata.labels),
    annotations: toLabels(metadata.annotations),
    spec,
    source,
    specPath: ['spec'],
    owner: controllerOf(metadata.ownerReferences),
    origin,
  });
  const status = isRecord(object.status) ? object.status : {};
  pod.phase = typeof status.phase === 'string' ? status.phase : null;
  pod.ready = readyCondition(status.conditions) !== false;
  if (metadata.deletionTimestamp !== undefined) pod.terminating = true;
  if (typeof spec.priority === 'number') pod.priority = spec.priority;
  return pod;
}

export function namespaceOf(object: KubeObject): string {
  const ns = isRecord(object.metadata) ? object.metadata.namespace : undefined;
  return typeof ns === 'string' && ns !== '' ? ns : DEFAULT_NAMESPACE;
}

/** The owner reference with `controller: true`, as `metav1.GetControllerOf`. */
export function controllerOf(refs: unknown): { kind: string; name: string } | null {
  if (!Array.isArray(refs)) return null;
  for (const ref of refs) {
    if (isRecord(ref) && ref.controller === true && typeof ref.kind === 'string' && typeof ref.name === 'string') {
      return { kind: ref.kind, name: ref.name };
    }
  }
  return null;
}

/** The status of the `Ready` condition: true, false, or undefined when absent. */
export function readyCondition(conditions: unknown): boolean | undefined {
  if (!Array.isArray(conditions)) return undefined;
  for (const c of conditions) if (isRecord(c) && c.type === 'Ready') return c.status === 'True';
  return undefined;
}
