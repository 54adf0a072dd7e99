import * as l10n from '@vscode/l10n';
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
      report(hpa, ['spec', 'scaleTargetRef', 'name'], l10n.t("No {0} `{1}` in namespace `{2}` among the workspace's manifests: this autoscaler has nothing to scale.", ref.kind, ref.name, namespace));
    }
  },
};
