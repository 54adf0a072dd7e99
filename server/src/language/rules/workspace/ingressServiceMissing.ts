import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import type { FieldPath } from '../../../simulator/model/source';
import type { WorkspaceRule } from './workspaceRule';

/** The Service names an Ingress sends traffic to, with the path of each name (v1 and the removed v1beta1 shape). */
export function ingressBackends(spec: unknown): Array<{ name: string; path: FieldPath }> {
  if (!isPlainObject(spec)) return [];
  const result: Array<{ name: string; path: FieldPath }> = [];
  const backend = (value: unknown, path: FieldPath): void => {
    if (!isPlainObject(value)) return;
    if (isPlainObject(value.service) && typeof value.service.name === 'string') result.push({ name: value.service.name, path: [...path, 'service', 'name'] });
    else if (typeof value.serviceName === 'string') result.push({ name: value.serviceName, path: [...path, 'serviceName'] });
  };
  backend(spec.defaultBackend, ['spec', 'defaultBackend']);
  backend(spec.backend, ['spec', 'backend']);
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  rules.forEach((rule, r) => {
    const paths = isPlainObject(rule) && isPlainObject(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    paths.forEach((path, p) => {
      if (isPlainObject(path)) backend(path.backend, ['spec', 'rules', r, 'http', 'paths', p, 'backend']);
    });
  });
  return result;
}

export const ingressServiceMissing: WorkspaceRule = {
  meta: { code: 'ref/ingress-service-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'An Ingress routes to a Service that no manifest defines.' },
  check(index, report) {
    for (const ingress of index.subjectsOfKind('Ingress')) {
      const namespace = index.namespaceOf(ingress.object);
      for (const backend of ingressBackends(ingress.object.spec)) {
        if (index.find('Service', namespace, backend.name).length === 0) {
          report(ingress, backend.path, l10n.t("No Service `{0}` in namespace `{1}` among the workspace's manifests: this Ingress path answers 503.", backend.name, namespace));
        }
      }
    }
  },
};
