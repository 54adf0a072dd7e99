import type { KubeObject, Manifest } from '../../../simulator/model/source';

/** Kinds that live outside namespaces (the ones cross-resource rules meet). */
const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'IngressClass', 'RuntimeClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'CSIDriver', 'VolumeAttachment',
]);

/**
 * The workspace's manifests, indexed by kind, namespace and name. Objects without a namespace are
 * in the default namespace (as `kubectl apply` without `-n` puts them).
 */
export class WorkspaceIndex {
  private readonly byName = new Map<string, Manifest[]>();
  private readonly byKind = new Map<string, Manifest[]>();

  constructor(readonly manifests: readonly Manifest[], readonly defaultNamespace = 'default') {
    for (const manifest of manifests) {
      const { kind } = manifest.object;
      if (typeof kind !== 'string') continue;
      push(this.byKind, kind, manifest);
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

  private key(kind: string, namespace: string, name: string): string {
    return `${kind}\u0000${namespace}\u0000${name}`;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
