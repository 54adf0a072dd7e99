import * as l10n from '@vscode/l10n';
import type { WorkspaceRule } from './workspaceRule';

/** An Ingress names a class that none of the workspace's IngressClasses is: no controller serves it. */
export const ingressClassNotFound: WorkspaceRule = {
  meta: { code: 'ingress/class-not-found', defaultSeverity: 'warning', category: 'cross-resource', summary: 'An Ingress names an IngressClass that the manifests do not define (when they define some): no controller serves it.' },
  check(index, report) {
    const classes = index.ofKind('IngressClass').map((m) => m.object.metadata?.name).filter((n) => typeof n === 'string');
    for (const { spec, ingressClass } of index.routes().ingresses) {
      if (ingressClass.served) continue;
      const path = ingressClass.source === 'field' ? ['spec', 'ingressClassName'] : ['metadata', 'annotations', 'kubernetes.io/ingress.class'];
      report(spec.manifest, path, l10n.t('No IngressClass `{0}` among the manifests ({1}): no controller serves this Ingress, it gets no address and no traffic.', ingressClass.name ?? '', classes.join(', ')));
    }
  },
};
