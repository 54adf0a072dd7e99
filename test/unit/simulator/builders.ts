/**
 * Tiny builders for simulator tests: every field is optional and off until given.
 *   node({ name: 'n1', cpu: '4', memory: '10Gi', taints: [...] })
 *   pod({ name: 'p', cpu: '500m', labels: { app: 'web' } })
 */
import { toLabels } from '../../../server/src/simulator/model/labelSelector';
import type { SimNode } from '../../../server/src/simulator/model/node';
import type { Container, PodSpec, SimPod } from '../../../server/src/simulator/model/pod';
import { parseResourceList } from '../../../server/src/simulator/model/resources';
import type { Taint } from '../../../server/src/simulator/model/taints';

export interface NodeOptions {
  name?: string;
  cpu?: string;
  memory?: string;
  pods?: string | null;
  extra?: Record<string, string>;
  labels?: Record<string, string>;
  taints?: Array<Partial<Taint> & { key: string }>;
  unschedulable?: boolean;
  images?: Array<{ names: string[]; sizeBytes: number }>;
  zone?: string;
}

export function node(options: NodeOptions = {}): SimNode {
  const name = options.name ?? 'node';
  const alloc: Record<string, string> = { cpu: options.cpu ?? '4', memory: options.memory ?? '16Gi', ...options.extra };
  if (options.pods !== null) alloc.pods = options.pods ?? '110';
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, ...options.labels };
  if (options.zone) labels['topology.kubernetes.io/zone'] = options.zone;
  return {
    name,
    labels: toLabels(labels),
    taints: (options.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? '', effect: t.effect ?? 'NoSchedule' })),
    unschedulable: options.unschedulable ?? false,
    allocatable: parseResourceList(alloc),
    images: options.images ?? [],
    ready: true,
    source: null,
  };
}

export interface PodOptions {
  name?: string;
  namespace?: string;
  cpu?: string;
  memory?: string;
  requests?: Record<string, string>;
  labels?: Record<string, string>;
  nodeName?: string;
  priority?: number;
  image?: string;
  spec?: Partial<PodSpec>;
  containers?: Container[];
  owner?: { kind: string; name: string };
  ownerSelector?: SimPod['ownerSelector'];
  phase?: string;
}

export function pod(options: PodOptions = {}): SimPod {
  const name = options.name ?? 'pod';
  const namespace = options.namespace ?? 'default';
  const requests: Record<string, string> = { ...options.requests };
  if (options.cpu) requests.cpu = options.cpu;
  if (options.memory) requests.memory = options.memory;
  const containers: Container[] = options.containers ?? [{ name: 'main', image: options.image ?? 'app:1', resources: Object.keys(requests).length ? { requests } : {} }];
  const spec: PodSpec = { containers, ...options.spec };
  if (options.nodeName) spec.nodeName = options.nodeName;
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    labels: toLabels(options.labels ?? {}),
    annotations: toLabels({}),
    owner: options.owner ?? null,
    ownerSelector: options.ownerSelector,
    spec,
    priority: options.priority ?? 0,
    phase: options.phase ?? null,
    ready: true,
    nodeName: options.nodeName ?? null,
    source: { file: 'test.yaml', document: 0, path: [] },
    specPath: ['spec'],
  };
}

/** Pods named p0…pN-1 bound to a node. */
export function podsOn(nodeName: string, count: number, options: PodOptions = {}): SimPod[] {
  return Array.from({ length: count }, (_, i) => pod({ ...options, name: `${options.name ?? nodeName}-${i}`, nodeName }));
}
