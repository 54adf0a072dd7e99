import { isPlainObject } from '../../../manifests';
import { toLabels, type Labels } from '../../../../simulator/model/labelSelector';
import type { KubeObject, Manifest } from '../../../../simulator/model/source';
import type { WorkspaceIndex } from '../workspaceIndex';
import { ownValue } from '../../../../simulator/model/ownValue';

/** The label every namespace carries (set by the API server): all that is known of a namespace no manifest defines. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * An object as an admission request would present it on its creation: its group, version, kind and
 * resource (plural), its namespace ('' when cluster-scoped) and the namespace object when known.
 */
export interface AdmissionTarget {
  manifest: Manifest;
  group: string;
  version: string;
  kind: string;
  resource: string;
  name: string;
  namespace: string;
  labels: Labels;
  /** The Namespace manifest of a namespaced object, when the manifests define it (its last copy). */
  namespaceObject: KubeObject | undefined;
}

/** Admission configuration is never subject to admission policies (so that a policy cannot lock itself in). */
const NOT_ADMITTED = new Set(['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding']);

/** Kinds whose resource is not the lower-case plural the API machinery guesses. */
const IRREGULAR_RESOURCES: Record<string, string> = { Endpoints: 'endpoints' };

export function admissionTarget(manifest: Manifest, index: WorkspaceIndex): AdmissionTarget | undefined {
  const { object } = manifest;
  if (typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') return undefined;
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const version = object.apiVersion.slice(slash + 1);
  if (group === 'admissionregistration.k8s.io' && NOT_ADMITTED.has(object.kind)) return undefined;
  const namespace = index.namespaceOf(object);
  return {
    manifest,
    group,
    version,
    kind: object.kind,
    resource: resourceOf(object.kind, group, index),
    name: typeof object.metadata?.name === 'string' ? object.metadata.name : '',
    namespace,
    labels: toLabels(object.metadata?.labels),
    namespaceObject: namespace === '' ? undefined : withNameLabel(index.find('Namespace', '', namespace).at(-1)?.object, namespace),
  };
}

/** A Namespace as the API server stores it: with the `kubernetes.io/metadata.name` label it sets. */
function withNameLabel(namespace: KubeObject | undefined, name: string): KubeObject | undefined {
  if (!namespace) return undefined;
  return { ...namespace, metadata: { ...namespace.metadata, labels: { ...toLabels(namespace.metadata?.labels), [NAMESPACE_NAME_LABEL]: name } } };
}

/**
 * The resource of a kind: a CustomResourceDefinition's `names.plural` when the manifests define it,
 * else the API machinery's guess (lower case; `-y` → `-ies`, `-s` → `-ses`, else `-s`).
 */
export function resourceOf(kind: string, group: string, index: WorkspaceIndex): string {
  const irregular = ownValue(IRREGULAR_RESOURCES, kind);
  if (irregular && group === '') return irregular;
  for (const crd of index.ofKind('CustomResourceDefinition')) {
    const spec = crd.object.spec;
    if (isPlainObject(spec) && spec.group === group && isPlainObject(spec.names) && spec.names.kind === kind && typeof spec.names.plural === 'string') return spec.names.plural;
  }
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/**
 * The labels of the target's namespace for a `namespaceSelector`: a Namespace's own labels, the
 * namespace manifest's labels (with the name label the API server adds), or, when no manifest
 * defines the namespace, only its name label (`complete: false`).
 */
export function namespaceLabels(target: AdmissionTarget): { labels: Labels; complete: boolean } {
  if (target.kind === 'Namespace' && target.group === '') return { labels: { ...target.labels, [NAMESPACE_NAME_LABEL]: target.name }, complete: true };
  const own = target.namespaceObject ? toLabels(target.namespaceObject.metadata?.labels) : {};
  return { labels: { ...own, [NAMESPACE_NAME_LABEL]: target.namespace }, complete: target.namespaceObject !== undefined };
}
