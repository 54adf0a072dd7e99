import * as l10n from '@vscode/l10n';
import { compileLabelSelector, toLabels } from '../../../../simulator/model/labelSelector';
import type { KubeObject } from '../../../../simulator/model/source';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { AdmissionTarget } from './admissionTarget';
import type { AdmissionPolicy, PolicyBinding } from './policyObjects';

/**
 * The params a binding gives its policy for one object: `null` once when the policy takes none,
 * else the objects of `paramKind` among the manifests that its `paramRef` names (by `name`, or by
 * `selector`) in `paramRef.namespace`, or, when that is unset, in the object's namespace (a params
 * object without a namespace, cluster-scoped, is found from any). `missing` when there are none
 * (then `parameterNotFoundAction` decides); `misconfigured` when the binding has no `paramRef` for a
 * policy with a `paramKind` (then `failurePolicy` decides).
 */
export type ParamsLookup = { params: Array<KubeObject | null> } | { missing: string } | { misconfigured: string };

export function findParams(policy: AdmissionPolicy, binding: PolicyBinding, target: AdmissionTarget, index: WorkspaceIndex): ParamsLookup {
  const kind = policy.paramKind;
  if (!kind) return { params: [null] };
  const ref = binding.paramRef;
  if (!ref) return { misconfigured: l10n.t('binding `{0}` has no paramRef, but the policy takes params of kind {1}', binding.name, kind.kind) };
  const selector = ref.name === undefined ? compileLabelSelector(ref.selector ?? {}) : undefined;
  const found = index.ofKind(kind.kind).filter(({ object }) => {
    if (object.apiVersion !== kind.apiVersion) return false;
    const namespace = object.metadata?.namespace;
    if (ref.namespace !== undefined) {
      if ((namespace ?? index.defaultNamespace) !== ref.namespace) return false;
    } else if (typeof namespace === 'string' && namespace !== '' && namespace !== target.namespace) return false;
    return selector ? selector.matches(toLabels(object.metadata?.labels)) : object.metadata?.name === ref.name;
  });
  // A params object defined twice (the cluster profile and the manifests) is one object: its last copy.
  const byKey = new Map(found.map((m) => [`${index.namespaceOf(m.object)}/${String(m.object.metadata?.name)}`, m.object]));
  if (byKey.size > 0) return { params: [...byKey.values()] };
  const where = ref.namespace ?? target.namespace;
  const missing =
    ref.name !== undefined
      ? where
        ? l10n.t('no {0} `{1}` in namespace `{2}` among the manifests', kind.kind, ref.name, where)
        : l10n.t('no {0} `{1}` among the manifests', kind.kind, ref.name)
      : where
        ? l10n.t('no {0} selected by the paramRef in namespace `{1}` among the manifests', kind.kind, where)
        : l10n.t('no {0} selected by the paramRef among the manifests', kind.kind);
  return { missing };
}
