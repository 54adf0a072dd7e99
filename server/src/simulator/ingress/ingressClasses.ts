import type { Manifest } from '../model/source';
import type { IngressSpecModel } from './ingressSpec';

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** How an Ingress got its class (ingress.md §2). */
export type IngressClassSource = 'field' | 'annotation' | 'default' | 'none';

export interface IngressClassInfo {
  name: string;
  isDefault: boolean;
  creationTimestamp: string | null;
}

/** The class an Ingress is served in, and whether a controller serves it. */
export interface ResolvedIngressClass {
  /** null: no class (a class of its own for Drydock). */
  name: string | null;
  source: IngressClassSource;
  /** False when the inputs define IngressClasses and none is named `name`. */
  served: boolean;
}

export function readIngressClasses(manifests: readonly Manifest[]): IngressClassInfo[] {
  return manifests.flatMap((manifest): IngressClassInfo[] => {
    const { object } = manifest;
    if (object.kind !== 'IngressClass' || object.apiVersion !== 'networking.k8s.io/v1') return [];
    const name = object.metadata?.name;
    if (typeof name !== 'string') return [];
    const created = object.metadata?.creationTimestamp;
    return [{ name, isDefault: object.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true', creationTimestamp: typeof created === 'string' ? created : null }];
  });
}

/**
 * The DefaultIngressClass admission plugin's choice: among the classes annotated default, the newest
 * `creationTimestamp` (one without a timestamp is created now, so the newest), ties by the lowest name.
 */
export function defaultIngressClass(classes: readonly IngressClassInfo[]): string | null {
  const defaults = classes.filter((c) => c.isDefault);
  defaults.sort((a, b) => {
    const ta = a.creationTimestamp ?? '~';
    const tb = b.creationTimestamp ?? '~';
    if (ta !== tb) return ta > tb ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return defaults[0]?.name ?? null;
}

/**
 * `spec.ingressClassName`, else the `kubernetes.io/ingress.class` annotation, else the default class
 * (given at creation when neither is set). Without any IngressClass among the inputs every class name
 * is taken to exist (they usually live in the cluster).
 */
export function resolveIngressClass(ingress: IngressSpecModel, classes: readonly IngressClassInfo[]): ResolvedIngressClass {
  const known = (name: string): boolean => classes.length === 0 || classes.some((c) => c.name === name);
  if (ingress.ingressClassName !== null) return { name: ingress.ingressClassName, source: 'field', served: known(ingress.ingressClassName) };
  if (ingress.classAnnotation !== null) return { name: ingress.classAnnotation, source: 'annotation', served: known(ingress.classAnnotation) };
  const fallback = defaultIngressClass(classes);
  return fallback === null ? { name: null, source: 'none', served: true } : { name: fallback, source: 'default', served: true };
}
