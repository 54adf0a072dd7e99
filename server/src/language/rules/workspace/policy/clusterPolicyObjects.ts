import { isPlainObject } from '../../../manifests';
import type { Manifest } from '../../../../simulator/model/source';

/** The profile's objects the rules read: admission policies and what they match against, and the claims pods may name (`ref/pvc-missing`, as the dry run sees them). */
const PROFILE_RULE_KINDS = new Set(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'Namespace', 'PersistentVolumeClaim']);

/**
 * What a cluster profile adds to the admission policies of the manifests: its policies and bindings,
 * its Namespaces (for namespace selectors and `namespaceObject`) and the params objects that a
 * policy of the profile or of `manifests` names (`paramKind`), and its PersistentVolumeClaims (a pod
 * may use a claim the cluster already has). Nothing else of the profile (nodes, running pods) joins
 * the cross-resource rules, nor does a profile that is one of `manifests`' files.
 */
export function clusterPolicyObjects(profile: readonly Manifest[], manifests: readonly Manifest[] = []): Manifest[] {
  const paramKinds = new Set<string>();
  for (const { object } of [...profile, ...manifests]) {
    const paramKind = object.kind === 'ValidatingAdmissionPolicy' && isPlainObject(object.spec) ? object.spec.paramKind : undefined;
    if (isPlainObject(paramKind) && typeof paramKind.kind === 'string') paramKinds.add(paramKind.kind);
  }
  // A profile inside the workspace is among its manifests already.
  const files = new Set(manifests.map((m) => m.source.file));
  return profile.filter(({ object, source }) => !files.has(source.file) && typeof object.kind === 'string' && (PROFILE_RULE_KINDS.has(object.kind) || paramKinds.has(object.kind)));
}
