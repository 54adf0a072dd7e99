import type { ServiceInfo } from '../model/clusterObjects';
import type { Labels } from '../model/labelSelector';
import type { PodSpec, SimPod } from '../model/pod';
import { stableJson } from '../model/stableJson';
import { podAffinityTerms, type PodAffinityTerms } from './podAffinityTerms';
import { podSpecInfo, type PodSpecInfo } from './podSpecInfo';
import { podSpread, type PodSpread } from './podSpread';

/**
 * A pod as the scheduler holds it (`framework.PodInfo`): the SimPod plus everything compiled from
 * it. Compilation is shared: replicas of one template (same spec object, namespace and labels)
 * get the same `spec`, `terms` and `spread` objects, so a 1,000-replica Deployment is compiled once.
 */
export interface PodInfo {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly priority: number;
  readonly terminating: boolean;
  readonly pod: SimPod;
  readonly spec: PodSpecInfo;
  readonly terms: PodAffinityTerms;
  readonly spread: PodSpread;
  /** Index of the node it is bound to in the cluster state, or -1. */
  nodeIndex: number;
  /** Position in that node's pod list (for O(1) removal). */
  slot: number;
}

interface Variant {
  terms: PodAffinityTerms;
  spread: PodSpread;
}

/** Compilation caches, owned by one cluster state (never module-level). */
export interface PodInfoCache {
  specs: WeakMap<PodSpec, PodSpecInfo>;
  variants: WeakMap<PodSpec, Map<string, Variant>>;
}

export function createPodInfoCache(): PodInfoCache {
  return { specs: new WeakMap(), variants: new WeakMap() };
}

export function podInfoOf(pod: SimPod, cache: PodInfoCache, services: readonly ServiceInfo[]): PodInfo {
  let spec = cache.specs.get(pod.spec);
  if (!spec) {
    spec = podSpecInfo(pod.spec);
    cache.specs.set(pod.spec, spec);
  }
  let variants = cache.variants.get(pod.spec);
  if (!variants) {
    variants = new Map();
    cache.variants.set(pod.spec, variants);
  }
  const variantKey = `${pod.namespace}\u0000${labelsKey(pod.labels)}\u0000${pod.owner?.kind ?? ''}\u0000${pod.ownerSelector ? stableJson(pod.ownerSelector) : ''}`;
  let variant = variants.get(variantKey);
  if (!variant) {
    variant = { terms: podAffinityTerms(pod.spec, pod.namespace, pod.labels), spread: podSpread(pod, pod.labels, services) };
    variants.set(variantKey, variant);
  }
  return {
    key: pod.key,
    namespace: pod.namespace,
    name: pod.name,
    labels: pod.labels,
    priority: pod.priority,
    terminating: pod.terminating === true,
    pod,
    spec,
    terms: variant.terms,
    spread: variant.spread,
    nodeIndex: -1,
    slot: -1,
  };
}

function labelsKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  let text = '';
  for (const key of keys) text += `${key}=${labels[key]}\u0001`;
  return text;
}
