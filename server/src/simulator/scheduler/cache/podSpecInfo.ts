import { isRecord } from '../../model/labelSelector';
import { nodeNamesFromAffinity, preferredNodeTerms, requiredNodeAffinity, requiredTerms, type PreferredNodeTerm, type RequiredNodeAffinity } from '../../model/nodeSelector';
import type { Container, PodSpec } from '../../model/pod';
import { CPU, EPHEMERAL_STORAGE, isScalarResourceName, MEMORY, podRequests } from '../../model/resources';
import { stableJson } from '../../model/stableJson';
import { NO_EXECUTE, parseTolerations, PREFER_NO_SCHEDULE, type Toleration } from '../../model/taints';

/**
 * Everything the plugins read from a pod spec, computed once per spec object (replicas of one
 * template share it): the `PreFilter` precomputations of upstream, kept for the pod's lifetime.
 */
export interface Requests {
  readonly milliCPU: number;
  readonly memory: number;
  readonly ephemeralStorage: number;
  /** Extended resources, hugepages…: name → amount, in name order. */
  readonly scalar: ReadonlyArray<readonly [string, number]>;
  /** Requests nothing at all: the Fit filter then only checks the pod count. */
  readonly isZero: boolean;
}

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

export interface PodSpecInfo {
  readonly requests: Requests;
  /** cpu/memory with the scheduler's scoring defaults for containers that request none (100m, 200Mi). */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly Toleration[];
  /** The tolerations the TaintToleration score looks at (effect empty or PreferNoSchedule). */
  readonly preferNoScheduleTolerations: readonly Toleration[];
  readonly tolerationsKey: string;
  readonly nodeAffinity: RequiredNodeAffinity;
  /** `affinity.nodeAffinity.requiredDuringScheduling…` is set (not just a nodeSelector). */
  readonly hasRequiredNodeAffinity: boolean;
  /** NodeAffinity PreFilter: the only node names the required terms allow (empty: conflict). */
  readonly nodeNames: ReadonlySet<string> | undefined;
  readonly preferredNodeTerms: readonly PreferredNodeTerm[];
  readonly nodeName: string;
  /** Image names of init and regular containers, normalized as ImageLocality compares them. */
  readonly images: readonly string[];
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

export function podSpecInfo(spec: PodSpec): PodSpecInfo {
  const real = podRequests(spec);
  const nonZero = podRequests(spec, { nonMissing: true });
  const scalar: Array<[string, number]> = Object.keys(real)
    .filter((name) => isScalarResourceName(name) && real[name] !== 0)
    .sort()
    .map((name) => [name, real[name]]);
  const requests: Requests = {
    milliCPU: real[CPU] ?? 0,
    memory: real[MEMORY] ?? 0,
    ephemeralStorage: real[EPHEMERAL_STORAGE] ?? 0,
    scalar,
    isZero: !real[CPU] && !real[MEMORY] && !real[EPHEMERAL_STORAGE] && scalar.length === 0,
  };
  const tolerations = withDefaultTolerations(parseTolerations(spec.tolerations));
  return {
    requests,
    nonZeroMilliCPU: nonZero[CPU] ?? 0,
    nonZeroMemory: nonZero[MEMORY] ?? 0,
    hostPorts: hostPorts(spec),
    tolerations,
    preferNoScheduleTolerations: tolerations.filter((t) => t.effect === '' || t.effect === PREFER_NO_SCHEDULE),
    tolerationsKey: stableJson(tolerations),
    nodeAffinity: requiredNodeAffinity(spec),
    hasRequiredNodeAffinity: requiredTerms(spec) !== undefined,
    nodeNames: nodeNamesFromAffinity(spec),
    preferredNodeTerms: preferredNodeTerms(spec),
    nodeName: typeof spec.nodeName === 'string' ? spec.nodeName : '',
    images: [...containers(spec.initContainers), ...containers(spec.containers)].map((c) => normalizedImageName(typeof c.image === 'string' ? c.image : '')),
  };
}

/**
 * The DefaultTolerationSeconds admission plugin gives every pod that does not already tolerate
 * them `node.kubernetes.io/not-ready` and `…/unreachable` NoExecute tolerations (300 s).
 */
function withDefaultTolerations(tolerations: Toleration[]): Toleration[] {
  const covers = (key: string): boolean => tolerations.some((t) => (t.key === key || t.key === '') && (t.effect === NO_EXECUTE || t.effect === ''));
  const result = [...tolerations];
  if (!covers(NOT_READY)) result.push({ key: NOT_READY, operator: 'Exists', value: '', effect: NO_EXECUTE });
  if (!covers(UNREACHABLE)) result.push({ key: UNREACHABLE, operator: 'Exists', value: '', effect: NO_EXECUTE });
  return result;
}

/**
 * Host ports of regular containers and sidecars. With `hostNetwork`, API defaulting sets every
 * port's hostPort to its containerPort. Missing hostIP means 0.0.0.0, missing protocol TCP.
 */
function hostPorts(spec: PodSpec): HostPort[] {
  const result: HostPort[] = [];
  const sidecars = containers(spec.initContainers).filter((c) => c.restartPolicy === 'Always');
  for (const container of [...containers(spec.containers), ...sidecars]) {
    for (const port of Array.isArray(container.ports) ? container.ports : []) {
      if (!isRecord(port)) continue;
      const hostPort = typeof port.hostPort === 'number' && port.hostPort > 0 ? port.hostPort : spec.hostNetwork === true && typeof port.containerPort === 'number' ? port.containerPort : 0;
      if (hostPort <= 0) continue;
      result.push({ ip: typeof port.hostIP === 'string' && port.hostIP !== '' ? port.hostIP : '0.0.0.0', protocol: typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : 'TCP', port: hostPort });
    }
  }
  return result;
}

/** `image` → `image:latest` when untagged (the last ':' is not after the last '/'); digests stay. */
export function normalizedImageName(image: string): string {
  return image.lastIndexOf(':') <= image.lastIndexOf('/') ? `${image}:latest` : image;
}

function containers(list: Container[] | undefined): Container[] {
  return Array.isArray(list) ? list.filter((c) => isRecord(c)) : [];
}
