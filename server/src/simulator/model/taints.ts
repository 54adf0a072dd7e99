import { isRecord } from './labelSelector';

/**
 * Taints and tolerations (`component-helpers/scheduling/corev1` + `core/v1/toleration.go`).
 *
 * A toleration tolerates a taint when all hold:
 *   1. its effect is empty or equals the taint's effect;
 *   2. its key is empty (only valid with `Exists`: matches every key) or equals the taint's key;
 *   3. operator `Exists` → yes; `Equal` or empty → values equal (empty equals empty); other → no.
 */
export interface Taint {
  key: string;
  value: string;
  effect: string;
}

export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

export const NO_SCHEDULE = 'NoSchedule';
export const NO_EXECUTE = 'NoExecute';
export const PREFER_NO_SCHEDULE = 'PreferNoSchedule';

export function parseTaints(raw: unknown): Taint[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((t) => ({ key: text(t.key), value: text(t.value), effect: text(t.effect) }));
}

export function parseTolerations(raw: unknown): Toleration[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((t) => ({ key: text(t.key), operator: text(t.operator), value: text(t.value), effect: text(t.effect) }));
}

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case 'Exists':
      return true;
    case '':
    case 'Equal':
      return toleration.value === taint.value;
    default:
      return false;
  }
}

export function isTolerated(taint: Taint, tolerations: readonly Toleration[]): boolean {
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i], taint)) return true;
  return false;
}

/** The first taint (of those `applies` selects) that no toleration tolerates: `FindMatchingUntoleratedTaint`. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  applies: (taint: Taint) => boolean,
): Taint | undefined {
  for (const taint of taints) if (applies(taint) && !isTolerated(taint, tolerations)) return taint;
  return undefined;
}

/** NoSchedule and NoExecute taints: the ones that keep pods off a node (`DoNotScheduleTaintsFilterFunc`). */
export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === NO_SCHEDULE || taint.effect === NO_EXECUTE;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
