import type { ServiceInfo } from '../../model/clusterObjects';
import { ServicesBySelector } from '../../model/servicesBySelector';
import type { Labels } from '../../model/labelSelector';
import type { PodSpec, SimPod } from '../../model/pod';
import { stableJson } from '../../model/stableJson';
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
  /** `key=value` for each label, and the same prefixed with the namespace (`ns\0key=value`) / any (`\0key=value`): counter index keys. */
  readonly labelKeys: readonly string[];
  readonly namespacedLabelKeys: readonly string[];
  readonly anyNamespaceLabelKeys: readonly string[];
  /** Index of the node it is bound to in the cluster state, or -1. */
  nodeIndex: number;
  /** Position in that node's pod list (for O(1) removal). */
  slot: number;
}

interface Variant {
  terms: PodAffinityTerms;
  spread: PodSpread;
  labelKeys: string[];
  namespacedLabelKeys: string[];
  anyNamespaceLabelKeys: string[];
}

/** Compilation caches, owned by one cluster state (never module-level). */
export interface PodInfoCache {
  specs: WeakMap<PodSpec, PodSpecInfo>;
  variants: WeakMap<PodSpec, Map<string, Variant>>;
  /** Canonical text of label maps and owner selectors (replicas share those objects). */
  texts: WeakMap<object, string>;
  /** The Services of a cluster's objects, indexed by selector (the list is the key). */
  services: WeakMap<readonly ServiceInfo[], ServicesBySelector>;
}

export function createPodInfoCache(): PodInfoCache {
  return { specs: new WeakMap(), variants: new WeakMap(), texts: new WeakMap(), services: new WeakMap() };
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
  const labelsText = textOf(cache, pod.labels, labelsKey);
  const ownerText = pod.ownerSelector ? textOf(cache, pod.ownerSelector, stableJson) : '';
  const variantKey = `${pod.namespace}\u0000${labelsText}\u0000${pod.owner?.kind ?? ''}\u0000${ownerText}`;
  let variant = variants.get(variantKey);
  if (!variant) {
    const labelKeys = Object.keys(pod.labels).map((k) => `${k}=${pod.labels[k]}`);
    variant = {
      terms: podAffinityTerms(pod.spec, pod.namespace, pod.labels),
      spread: podSpread(pod, pod.labels, servicesIndex(cache, services)),
      labelKeys,
      namespacedLabelKeys: labelKeys.map((k) => `${pod.namespace}\u0000${k}`),
      anyNamespaceLabelKeys: labelKeys.map((k) => `\u0000${k}`),
    };
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
    labelKeys: variant.labelKeys,
    namespacedLabelKeys: variant.namespacedLabelKeys,
    anyNamespaceLabelKeys: variant.anyNamespaceLabelKeys,
    nodeIndex: -1,
    slot: -1,
  };
}

function servicesIndex(cache: PodInfoCache, services: readonly ServiceInfo[]): ServicesBySelector {
  let index = cache.services.get(services);
  if (!index) {
    index = new ServicesBySelector(services);
    cache.services.set(services, index);
  }
  return index;
}

function textOf<T extends object>(cache: PodInfoCache, value: T, render: (value: T) => string): string {
  let text = cache.texts.get(value);
  if (text === undefined) {
    text = render(value);
    cache.texts.set(value, text);
  }
  return text;
}

function labelsKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  let text = '';
  for (const key of keys) text += `${key}=${labels[key]}\u0001`;
  return text;
}
