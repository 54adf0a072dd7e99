import { posix } from 'node:path';
import * as l10n from '@vscode/l10n';
import { CLUSTER_SCOPED_KINDS } from '../simulator/model/clusterScopedKinds';
import type { Manifest, SimFinding } from '../simulator/model/source';

/** How many other copies a note names before it says "and N more". */
const NAMED_COPIES = 4;

export interface LastApplied {
  /** One manifest per object, each where its last copy was, in input order. */
  manifests: Manifest[];
  /** One `sim/duplicate-object` note per object defined more than once, on the copy that is kept. */
  findings: SimFinding[];
}

/**
 * What `kubectl apply` leaves of manifests that define the same object (API group, kind, namespace and
 * name) more than once: each apply overwrites the object, so the last one applied is what the cluster
 * runs. `manifests` is in apply order (the files as kubectl would take them, then their documents).
 * The dry run simulates the result once, for every kind, and says so in an information note that
 * names where the other copies are. Objects without a name (`generateName`) are never copies.
 *
 * Worked example: metallb-native.yaml and metallb-frr.yaml both define DaemonSet
 * metallb-system/speaker → one DaemonSet (metallb-frr.yaml's, applied last), one set of speaker pods.
 */
export function lastApplied(manifests: readonly Manifest[]): LastApplied {
  const copies = new Map<string, Manifest[]>();
  for (const manifest of manifests) {
    const key = objectIdentity(manifest);
    if (key === undefined) continue;
    const list = copies.get(key);
    if (list) list.push(manifest);
    else copies.set(key, [manifest]);
  }
  const dropped = new Set<Manifest>();
  const findings: SimFinding[] = [];
  for (const list of copies.values()) {
    if (list.length < 2) continue;
    const kept = list[list.length - 1];
    for (const copy of list.slice(0, -1)) dropped.add(copy);
    findings.push(note(kept, list.slice(0, -1)));
  }
  if (dropped.size === 0) return { manifests: [...manifests], findings };
  return { manifests: manifests.filter((manifest) => !dropped.has(manifest)), findings };
}

/** What makes two manifests the same object for `kubectl apply`: API group, kind, namespace and name (undefined: no name). */
export function objectIdentity(manifest: Manifest): string | undefined {
  const { apiVersion, kind, metadata } = manifest.object;
  const name = metadata?.name;
  if (typeof kind !== 'string' || typeof name !== 'string' || name === '') return undefined;
  const group = typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return `${group}\u0000${kind}\u0000${namespaceOf(manifest)}\u0000${name}`;
}

/** The namespace an object lands in: '' when cluster-scoped, `default` when unset. */
export function namespaceOf({ object }: Manifest): string {
  if (typeof object.kind === 'string' && CLUSTER_SCOPED_KINDS.has(object.kind)) return '';
  const namespace = object.metadata?.namespace;
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

function note(kept: Manifest, others: readonly Manifest[]): SimFinding {
  const { kind, metadata } = kept.object;
  const namespace = namespaceOf(kept);
  const object = `${kind} ${namespace ? `${namespace}/` : ''}${metadata?.name}`;
  const places = [...new Set(others.map((copy) => (copy.source.file === kept.source.file ? l10n.t('document {0} of this file', copy.source.document + 1) : displayFile(copy.source.file, kept.source.file))))];
  const named = places.length > NAMED_COPIES ? l10n.t('{0} and {1} more', places.slice(0, NAMED_COPIES).join(', '), places.length - NAMED_COPIES) : places.join(', ');
  return {
    source: kept.source,
    path: ['metadata', 'name'],
    severity: 'information',
    code: 'sim/duplicate-object',
    message: l10n.t('{0} is also defined in {1}: kubectl apply keeps the last one applied, this one, and the dry run simulates it once.', object, named),
  };
}

/**
 * Where another copy is, as the user finds it from the kept one: a `file:` URI as a path relative to
 * the kept copy's folder (`../network/workloads.yaml`: the same wherever the workspace is checked out),
 * else the path as given (the CLI's, already relative to its working directory).
 */
function displayFile(file: string, from: string): string {
  const path = filePath(file);
  const base = filePath(from);
  if (path === undefined) return file;
  return base === undefined ? path : posix.relative(posix.dirname(base), path);
}

function filePath(file: string): string | undefined {
  if (!file.startsWith('file://')) return undefined;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return undefined;
  }
}
