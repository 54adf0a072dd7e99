import { isPlainObject } from '../../manifests';
import type { FieldPath, KubeObject } from '../../../simulator/model/source';
import { ownValue } from '../../../simulator/model/ownValue';

/** Where each workload kind keeps its pod spec (relative to the object). */
const POD_SPEC_PATHS: Readonly<Record<string, FieldPath>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Workload kinds that run long-lived replicas (probes, replicas and spreading matter). */
export const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

export interface PodSpecAt {
  path: FieldPath;
  spec: Record<string, unknown>;
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerAt {
  path: FieldPath;
  list: ContainerList;
  container: Record<string, unknown>;
}

/** The pod spec of a built-in workload object, if it has one. */
export function podSpecOf(object: KubeObject): PodSpecAt | undefined {
  const path = podSpecPathOf(object);
  if (!path) return undefined;
  const spec = valueAt(object, path);
  return isPlainObject(spec) ? { path, spec } : undefined;
}

/** The pod template's path (the object holding `metadata` and `spec`) of a workload, if it has one. */
export function podTemplatePathOf(object: KubeObject): FieldPath | undefined {
  const path = podSpecPathOf(object);
  return path && path.length > 1 ? path.slice(0, -1) : undefined;
}

/** Where the object's kind keeps its pod spec; undefined for a kind without one. */
function podSpecPathOf(object: KubeObject): FieldPath | undefined {
  return typeof object.kind === 'string' ? ownValue(POD_SPEC_PATHS, object.kind) : undefined;
}

/** Every container of a pod spec, in order: containers, then init containers, then ephemeral ones. */
export function containersOf(pod: PodSpecAt, lists: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers']): ContainerAt[] {
  const result: ContainerAt[] = [];
  for (const list of lists) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((container, index) => {
      if (isPlainObject(container)) result.push({ path: [...pod.path, list, index], list, container });
    });
  }
  return result;
}

/** The value at a path of a JSON value (undefined when the path leaves it). */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainObject(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}
