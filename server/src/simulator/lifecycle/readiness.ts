import { isRecord } from '../model/labelSelector';
import type { PodSpec } from '../model/pod';
import { PROBE_PERIOD_SECONDS } from './timing';

/**
 * Seconds from a pod's start (its binding: image pulls are not modelled) to Ready (node-lifecycle.md
 * §9): per container, its startupProbe then its readinessProbe each succeed at the first period tick
 * at or after `initialDelaySeconds`, plus `successThreshold − 1` periods; the pod is Ready when its
 * slowest container is. No probe: at once.
 */
export function readinessDelay(spec: PodSpec): number {
  let slowest = 0;
  for (const container of Array.isArray(spec.containers) ? spec.containers : []) {
    if (!isRecord(container)) continue;
    slowest = Math.max(slowest, probeDelay(container.startupProbe) + probeDelay(container.readinessProbe));
  }
  return slowest;
}

export function probeDelay(raw: unknown): number {
  if (!isRecord(raw)) return 0;
  const period = positive(raw.periodSeconds) ?? PROBE_PERIOD_SECONDS;
  const delay = nonNegative(raw.initialDelaySeconds) ?? 0;
  const threshold = positive(raw.successThreshold) ?? 1;
  return Math.ceil(delay / period) * period + (threshold - 1) * period;
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function nonNegative(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}
