import * as l10n from '@vscode/l10n';
import type { FieldPath, KubeObject } from '../../../simulator/model/source';
import { isPlainObject } from '../../manifests';
import { podReferencesOf, type ReferencedKind } from '../objects/podReferences';
import { createdByController, replacedByTemplate } from './controllerClaims';
import type { RuleMeta } from '../ruleTypes';
import type { WorkspaceRule } from './workspaceRule';

/**
 * A rule for one kind of pod reference: the referenced object must be defined in the workspace, in the
 * pod's namespace. A claim may also be created by a controller (controllerClaims.ts), as in the dry run.
 */
function missingReference(meta: RuleMeta, kind: ReferencedKind, message: (kind: string, name: string, namespace: string) => string): WorkspaceRule {
  return {
    meta,
    check(index, report) {
      for (const manifest of index.subjects) {
        const refs = podReferencesOf(manifest.object);
        if (refs.length === 0) continue;
        const namespace = index.namespaceOf(manifest.object);
        for (const ref of refs) {
          if (ref.kind !== kind || index.find(kind, namespace, ref.name).length > 0) continue;
          if (kind === 'PersistentVolumeClaim' && (replacedByTemplate(manifest.object, volumeNameAt(manifest.object, ref.path)) || createdByController(index, namespace, ref.name))) continue;
          report(manifest, ref.path, message(kind, ref.name, namespace));
        }
      }
    },
  };
}

/** The name of the volume a reference at `path` (`…, volumes, <i>, persistentVolumeClaim, claimName`) sits in. */
function volumeNameAt(object: KubeObject, path: FieldPath): string | undefined {
  const at = path.lastIndexOf('volumes');
  let node: unknown = object;
  for (const segment of path.slice(0, at + 2)) node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[segment] : undefined;
  return at >= 0 && isPlainObject(node) && typeof node.name === 'string' ? node.name : undefined;
}

export const missingConfigMap = missingReference(
  { code: 'ref/configmap-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod references a ConfigMap that no manifest defines.' },
  'ConfigMap',
  (kind, name, namespace) => l10n.t("No {0} `{1}` in namespace `{2}` among the workspace's manifests: the pod cannot start until it exists (mark the reference `optional: true` if that is intended).", kind, name, namespace),
);
export const missingSecret = missingReference(
  { code: 'ref/secret-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod references a Secret that no manifest defines.' },
  'Secret',
  (kind, name, namespace) => l10n.t("No {0} `{1}` in namespace `{2}` among the workspace's manifests: the pod cannot start until it exists (mark the reference `optional: true` if that is intended).", kind, name, namespace),
);
export const missingServiceAccount = missingReference(
  { code: 'ref/service-account-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod runs as a ServiceAccount that no manifest defines.' },
  'ServiceAccount',
  (kind, name, namespace) => l10n.t("No {0} `{1}` in namespace `{2}` among the workspace's manifests: the API server refuses to create the pod until it exists.", kind, name, namespace),
);
export const missingPersistentVolumeClaim = missingReference(
  { code: 'ref/pvc-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod mounts a PersistentVolumeClaim that no manifest defines.' },
  'PersistentVolumeClaim',
  (kind, name, namespace) => l10n.t("No {0} `{1}` in namespace `{2}` among the workspace's manifests: the pod stays Pending until it exists.", kind, name, namespace),
);
