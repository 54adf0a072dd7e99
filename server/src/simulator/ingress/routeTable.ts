import * as l10n from '@vscode/l10n';
import type { FieldPath, Manifest } from '../model/source';
import { readIngressClasses, resolveIngressClass, type ResolvedIngressClass } from './ingressClasses';
import { isIngress, readIngress, type IngressPathSpec, type IngressSpecModel } from './ingressSpec';
import { invalidPathReason, matchKey } from './pathMatch';

/** An Ingress in routing order (oldest `creationTimestamp` first, else input order), with its class. */
export interface RoutedIngress {
  spec: IngressSpecModel;
  ingressClass: ResolvedIngressClass;
  /** Position in routing order: the older Ingress keeps a contested path. */
  order: number;
}

/** One valid path of a served Ingress. */
export interface RouteEntry {
  ingress: RoutedIngress;
  spec: IngressPathSpec;
}

/** The merged routes of one class: one proxy (ingress.md §5). */
export interface RouteClass {
  name: string | null;
  /** In routing order: by Ingress, then as declared. */
  entries: RouteEntry[];
  /** The served Ingresses with a defaultBackend, oldest first (the first one answers). */
  defaultBackends: RoutedIngress[];
}

export type RouteIssueKind = 'conflict' | 'shadowed' | 'invalid-path';

/** A problem of the merged routes, addressed to the Ingress that loses (or is rejected). */
export interface RouteIssue {
  kind: RouteIssueKind;
  ingress: RoutedIngress;
  path: FieldPath;
  message: string;
}

export interface RouteTable {
  ingresses: RoutedIngress[];
  classes: RouteClass[];
  issues: RouteIssue[];
}

/**
 * Reads every networking.k8s.io/v1 Ingress of `manifests`, gives each its class (IngressClasses
 * from `manifests` and `classManifests`, e.g. the cluster profile), and merges the served ones by
 * class. Paths the API server would reject are left out; a host+path+pathType claimed twice keeps
 * its first claim (the older Ingress, else the earlier path).
 */
export function buildRouteTable(manifests: readonly Manifest[], classManifests: readonly Manifest[] = [], defaultNamespace = 'default'): RouteTable {
  const classes = readIngressClasses([...classManifests, ...manifests]);
  const read = manifests.filter(isIngress).map((manifest, index) => ({ spec: readIngress(manifest, defaultNamespace), index }));
  read.sort((a, b) => {
    const ta = a.spec.creationTimestamp ?? '~';
    const tb = b.spec.creationTimestamp ?? '~';
    return ta !== tb ? (ta < tb ? -1 : 1) : a.index - b.index;
  });
  const ingresses = read.map(({ spec }, order): RoutedIngress => ({ spec, ingressClass: resolveIngressClass(spec, classes), order }));
  const byClass = new Map<string | null, RouteClass>();
  const issues: RouteIssue[] = [];
  const claims = new Map<string, RouteEntry>();
  for (const ingress of ingresses) {
    const valid = ingress.spec.paths.filter((spec) => {
      const invalid = invalidPathReason(spec.pathType, spec.path);
      if (invalid) issues.push({ kind: 'invalid-path', ingress, path: [...spec.fieldPath, 'path'], message: l10n.t('{0}: the API server rejects this Ingress', invalid) });
      return invalid === null;
    });
    if (!ingress.ingressClass.served) continue;
    const name = ingress.ingressClass.name;
    let routeClass = byClass.get(name);
    if (!routeClass) byClass.set(name, (routeClass = { name, entries: [], defaultBackends: [] }));
    if (ingress.spec.defaultBackend) routeClass.defaultBackends.push(ingress);
    for (const spec of valid) {
      const entry: RouteEntry = { ingress, spec };
      const claim = `${name ?? ''}\u0000${spec.host ?? ''}\u0000${spec.pathType}\u0000${matchKey(spec.pathType, spec.path)}`;
      const first = claims.get(claim);
      if (first) issues.push(contested(first, entry));
      else claims.set(claim, entry);
      routeClass.entries.push(entry);
    }
  }
  for (const routeClass of byClass.values()) {
    const [first, ...others] = routeClass.defaultBackends;
    for (const ingress of others) {
      issues.push({ kind: 'conflict', ingress, path: ['spec', 'defaultBackend'], message: l10n.t('{0} already has a default backend, from Ingress {1}, which comes first (older, else earlier in apply order) and keeps it: this one gets no traffic', className(routeClass.name), first.spec.key) });
    }
  }
  return { ingresses, classes: [...byClass.values()], issues };
}

function contested(first: RouteEntry, entry: RouteEntry): RouteIssue {
  const where = l10n.t('host `{0}` path `{1}` ({2})', entry.spec.host ?? '*', entry.spec.path, entry.spec.pathType);
  const same = first.spec.path === entry.spec.path ? '' : l10n.t(' (`{0}` is the same {1} path)', first.spec.path, entry.spec.pathType);
  if (first.ingress === entry.ingress) {
    return { kind: 'shadowed', ingress: entry.ingress, path: [...entry.spec.fieldPath, 'path'], message: l10n.t('{0} repeats {1}{2} of this Ingress, which takes every request first: this path gets no traffic', where, pathName(first.spec.fieldPath), same) };
  }
  const other = first.ingress.spec.key;
  return { kind: 'conflict', ingress: entry.ingress, path: [...entry.spec.fieldPath, 'path'], message: l10n.t('{0} is also claimed by Ingress {1}{2} in the same class, which comes first (older, else earlier in apply order) and keeps it: this path gets no traffic', where, other, same) };
}

export function className(name: string | null): string {
  return name === null ? l10n.t('the Ingresses without class') : l10n.t('class `{0}`', name);
}

function pathName(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
