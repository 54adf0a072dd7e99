import { isRecord } from './labelSelector';
import type { PodSpec } from './pod';
import { milliValue, parseQuantity, value } from './quantity';

/**
 * Resource amounts as the scheduler counts them (`framework.Resource`): `cpu` in millicores, every
 * other resource (memory, ephemeral-storage, pods, extended resources, hugepages) in whole units,
 * each rounded up from its Quantity. Prototype-less records keyed by resource name.
 */
export type ResourceAmounts = Record<string, number>;

export const CPU = 'cpu';
export const MEMORY = 'memory';
export const EPHEMERAL_STORAGE = 'ephemeral-storage';
export const PODS = 'pods';

/** What the scheduler assumes for a container without a cpu / memory request, when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyAmounts(): ResourceAmounts {
  return Object.create(null) as ResourceAmounts;
}

export interface ResourceListProblem {
  resource: string;
  error: string;
}

/** Parses a `ResourceList` (`{cpu: 500m, memory: 1Gi}`); unparsable entries are left out and reported. */
export function parseResourceList(raw: unknown, problems?: ResourceListProblem[]): ResourceAmounts {
  const amounts = emptyAmounts();
  if (!isRecord(raw)) return amounts;
  for (const [name, text] of Object.entries(raw)) {
    const fast = fastAmount(text, name === CPU);
    if (fast !== undefined) {
      amounts[name] = fast;
      continue;
    }
    const parsed = parseQuantity(text);
    if (!parsed.ok) {
      problems?.push({ resource: name, error: parsed.error });
      continue;
    }
    amounts[name] = name === CPU ? milliValue(parsed.quantity) : value(parsed.quantity);
  }
  return amounts;
}

const SIMPLE_QUANTITY = /^(\d{1,15})(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;
const SCALE: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/**
 * The common case without big-integer arithmetic: a whole number with an optional suffix, when
 * the result is an exact safe integer (`500m`, `2`, `64Gi`). Anything else: undefined (use parseQuantity).
 */
function fastAmount(text: unknown, milli: boolean): number | undefined {
  if (typeof text === 'number') {
    if (!Number.isSafeInteger(text) || text < 0) return undefined;
    text = String(text);
  }
  if (typeof text !== 'string') return undefined;
  const match = SIMPLE_QUANTITY.exec(text);
  if (!match) return undefined;
  const digits = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix === 'm') return milli ? digits : Math.ceil(digits / 1000);
  const amount = digits * SCALE[suffix] * (milli ? 1000 : 1);
  return Number.isSafeInteger(amount) ? amount : undefined;
}

/**
 * Resources the Fit filter compares besides cpu/memory/ephemeral-storage (`IsScalarResourceName`):
 * extended resources (`vendor.com/gpu`), `kubernetes.io/`-prefixed ones, `hugepages-*` and
 * `attachable-volumes-*`. A bare name such as `storage` is not one, and is ignored.
 */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

function isPodLevelResource(name: string): boolean {
  return name === CPU || name === MEMORY || name.startsWith('hugepages-');
}

/** A container's requests after API defaulting: a resource with a limit but no request requests its limit. */
export function containerRequests(resources: unknown): ResourceAmounts {
  const requests = isRecord(resources) ? resources.requests : undefined;
  const limits = isRecord(resources) ? resources.limits : undefined;
  const result = parseResourceList(limits);
  const explicit = parseResourceList(requests);
  for (const name of Object.keys(explicit)) result[name] = explicit[name];
  return result;
}

export interface PodRequestOptions {
  /** Give containers without a cpu/memory request the scheduler's scoring defaults (100m, 200Mi). */
  nonMissing?: boolean;
}

/**
 * `PodRequests` from component-helpers: per resource,
 *   max(Σ containers + Σ sidecars, max over init containers of (its request + sidecars started before it))
 *   + pod overhead,
 * where pod-level `spec.resources.requests` (cpu, memory, hugepages) replace the container-derived
 * values. Sidecars are init containers with `restartPolicy: Always`.
 *
 * Worked example: containers app=500m; init containers proxy (sidecar) 200m, migrate 1 →
 * sum = 500+200 = 700m; init use: proxy 200m, migrate 1000+200 = 1200m → 1200m. With
 * `nonMissing`, a container with no cpu request counts 100m (an explicit "0" stays 0).
 */
export function podRequests(spec: PodSpec, options: PodRequestOptions = {}): ResourceAmounts {
  const podLevel = podLevelRequests(spec);
  const defaults = options.nonMissing ? nonMissingDefaults(podLevel) : undefined;
  const total = emptyAmounts();
  const sidecars = emptyAmounts();
  const initMax = emptyAmounts();
  for (const container of list(spec.containers)) add(total, withDefaults(containerRequests(container.resources), defaults));
  for (const container of list(spec.initContainers)) {
    const requests = withDefaults(containerRequests(container.resources), defaults);
    if (container.restartPolicy === 'Always') {
      add(total, requests);
      add(sidecars, requests);
      takeMax(initMax, sidecars);
    } else {
      const use = emptyAmounts();
      add(use, requests);
      add(use, sidecars);
      takeMax(initMax, use);
    }
  }
  takeMax(total, initMax);
  if (podLevel) for (const name of Object.keys(podLevel)) total[name] = podLevel[name];
  add(total, parseResourceList(spec.overhead));
  return total;
}

/** Pod-level requests (PodLevelResources, on in 1.34), defaulted from pod-level limits; undefined when unset. */
function podLevelRequests(spec: PodSpec): ResourceAmounts | undefined {
  const resources = spec.resources;
  if (!isRecord(resources)) return undefined;
  const all = containerRequests(resources);
  const result = emptyAmounts();
  let any = false;
  for (const name of Object.keys(all)) {
    if (!isPodLevelResource(name)) continue;
    result[name] = all[name];
    any = true;
  }
  return any ? result : undefined;
}

function nonMissingDefaults(podLevel: ResourceAmounts | undefined): ResourceAmounts {
  const defaults = emptyAmounts();
  if (!podLevel || podLevel[CPU] === undefined) defaults[CPU] = DEFAULT_MILLI_CPU_REQUEST;
  if (!podLevel || podLevel[MEMORY] === undefined) defaults[MEMORY] = DEFAULT_MEMORY_REQUEST;
  return defaults;
}

function withDefaults(requests: ResourceAmounts, defaults: ResourceAmounts | undefined): ResourceAmounts {
  if (!defaults) return requests;
  for (const name of Object.keys(defaults)) if (requests[name] === undefined) requests[name] = defaults[name];
  return requests;
}

function add(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const name of Object.keys(from)) into[name] = (into[name] ?? 0) + from[name];
}

function takeMax(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const name of Object.keys(from)) if (into[name] === undefined || from[name] > into[name]) into[name] = from[name];
}

function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value.filter((c) => isRecord(c)) : [];
}
