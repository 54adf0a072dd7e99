import { podReferencesOf, type ReferencedKind } from '../objects/podReferences';
import type { RuleMeta } from '../ruleTypes';
import type { WorkspaceRule } from './workspaceRule';

/** A rule for one kind of pod reference: the referenced object must be defined in the workspace, in the pod's namespace. */
function missingReference(meta: RuleMeta, kind: ReferencedKind, consequence: string): WorkspaceRule {
  return {
    meta,
    check(index, report) {
      for (const manifest of index.subjects) {
        const refs = podReferencesOf(manifest.object);
        if (refs.length === 0) continue;
        const namespace = index.namespaceOf(manifest.object);
        for (const ref of refs) {
          if (ref.kind !== kind || index.find(kind, namespace, ref.name).length > 0) continue;
          if (kind === 'PersistentVolumeClaim' && claimFromTemplate(manifest.object, ref.name)) continue;
          report(manifest, ref.path, `No ${kind} \`${ref.name}\` in namespace \`${namespace}\` among the workspace's manifests: ${consequence}`);
        }
      }
    },
  };
}

/** A StatefulSet's volumeClaimTemplates create their claims themselves. */
function claimFromTemplate(object: { kind?: string; spec?: unknown }, name: string): boolean {
  const templates = (object.spec as { volumeClaimTemplates?: Array<{ metadata?: { name?: string } }> } | undefined)?.volumeClaimTemplates;
  return object.kind === 'StatefulSet' && Array.isArray(templates) && templates.some((t) => t?.metadata?.name === name);
}

export const missingConfigMap = missingReference(
  { code: 'ref/configmap-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod references a ConfigMap that no manifest defines.' },
  'ConfigMap',
  'the pod cannot start until it exists (mark the reference `optional: true` if that is intended).',
);
export const missingSecret = missingReference(
  { code: 'ref/secret-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod references a Secret that no manifest defines.' },
  'Secret',
  'the pod cannot start until it exists (mark the reference `optional: true` if that is intended).',
);
export const missingServiceAccount = missingReference(
  { code: 'ref/service-account-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod runs as a ServiceAccount that no manifest defines.' },
  'ServiceAccount',
  'the API server refuses to create the pod until it exists.',
);
export const missingPersistentVolumeClaim = missingReference(
  { code: 'ref/pvc-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'A pod mounts a PersistentVolumeClaim that no manifest defines.' },
  'PersistentVolumeClaim',
  'the pod stays Pending until it exists.',
);
