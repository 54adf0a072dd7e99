import { CLUSTER_SCOPED_KINDS as CLUSTER_SCOPED } from '../../../simulator/model/clusterScopedKinds';
import { buildRouteTable, type RouteTable } from '../../../simulator/ingress';
import type { KubeObject, Manifest } from '../../../simulator/model/source';
import { PodLabelIndex } from './podLabelIndex';

/**
 * The workspace's manifests, indexed by kind, namespace and name. Objects without a namespace are
 * in the default namespace (as `kubectl apply` without `-n` puts them).
 *
 * The subjects are the manifests whose findings are wanted (in the editor: those of open documents);
 * the others only answer look-ups. Without a subject filter every manifest is a subject.
 */
export class WorkspaceIndex {
  private readonly byName = new Map<string, Manifest[]>();
  private readonly byKind = new Map<string, Manifest[]>();
  private readonly subjectsByKind = new Map<string, Manifest[]>();
  private readonly subjectSet: ReadonlySet<Manifest> | undefined;
  private podIndex: PodLabelIndex | undefined;
  private routeTable: RouteTable | undefined;
  readonly subjects: readonly Manifest[];

  constructor(readonly manifests: readonly Manifest[], readonly defaultNamespace = 'default', isSubject?: (manifest: Manifest) => boolean) {
    this.subjects = isSubject ? manifests.filter(isSubject) : manifests;
    this.subjectSet = isSubject ? new Set(this.subjects) : undefined;
    for (const manifest of manifests) {
      const { kind } = manifest.object;
      if (typeof kind !== 'string') continue;
      push(this.byKind, kind, manifest);
      if (this.isSubject(manifest)) push(this.subjectsByKind, kind, manifest);
      const name = manifest.object.metadata?.name;
      if (typeof name === 'string') push(this.byName, this.key(kind, this.namespaceOf(manifest.object), name), manifest);
    }
  }

  namespaceOf(object: KubeObject): string {
    if (typeof object.kind === 'string' && CLUSTER_SCOPED.has(object.kind)) return '';
    const namespace = object.metadata?.namespace;
    return typeof namespace === 'string' && namespace !== '' ? namespace : this.defaultNamespace;
  }

  /** The objects of a kind with a name in a namespace (several when the workspace defines it twice). */
  find(kind: string, namespace: string, name: string): Manifest[] {
    return this.byName.get(this.key(kind, CLUSTER_SCOPED.has(kind) ? '' : namespace, name)) ?? [];
  }

  ofKind(kind: string): readonly Manifest[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The subjects of a kind, in manifest order. */
  subjectsOfKind(kind: string): readonly Manifest[] {
    return this.subjectsByKind.get(kind) ?? [];
  }

  /** The manifests that are pods or create them, by namespace and pod label (built on first use). */
  pods(): PodLabelIndex {
    this.podIndex ??= new PodLabelIndex(this.manifests.map((manifest) => ({ manifest, namespace: this.namespaceOf(manifest.object) })));
    return this.podIndex;
  }

  /** The Ingresses merged by class, with their conflicts (built on first use; the Ingress rules share it). */
  routes(): RouteTable {
    this.routeTable ??= buildRouteTable(this.ofKind('Ingress'), this.ofKind('IngressClass'), this.defaultNamespace);
    return this.routeTable;
  }

  isSubject(manifest: Manifest): boolean {
    return this.subjectSet ? this.subjectSet.has(manifest) : true;
  }

  private key(kind: string, namespace: string, name: string): string {
    return `${kind}\u0000${namespace}\u0000${name}`;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
