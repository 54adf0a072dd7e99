import { isPlainObject } from '../../manifests';
import type { WorkspaceRule } from './workspaceRule';

/** A HorizontalPodAutoscaler must scale an object that exists. */
export const hpaTargetMissing: WorkspaceRule = {
  meta: { code: 'ref/hpa-target-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: "A HorizontalPodAutoscaler's scaleTargetRef names an object that no manifest defines." },
  check(index, report) {
    for (const hpa of index.subjectsOfKind('HorizontalPodAutoscaler')) {
      const spec = hpa.object.spec;
      const ref = isPlainObject(spec) ? spec.scaleTargetRef : undefined;
      if (!isPlainObject(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string') continue;
      const namespace = index.namespaceOf(hpa.object);
      if (index.find(ref.kind, namespace, ref.name).length > 0) continue;
      report(hpa, ['spec', 'scaleTargetRef', 'name'], `No ${ref.kind} \`${ref.name}\` in namespace \`${namespace}\` among the workspace's manifests: this autoscaler has nothing to scale.`);
    }
  },
};
