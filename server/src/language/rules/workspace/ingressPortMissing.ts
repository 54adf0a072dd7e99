import * as l10n from '@vscode/l10n';
import { readService } from '../../../simulator/controllers/serviceSpec';
import { isIngress, readIngress } from '../../../simulator/ingress';
import type { WorkspaceRule } from './workspaceRule';

/** An Ingress backend's port (number or name) is not a port of its Service. */
export const ingressPortMissing: WorkspaceRule = {
  meta: { code: 'ref/ingress-port-missing', defaultSeverity: 'warning', category: 'cross-resource', summary: 'An Ingress backend names a port (number or name) that its Service does not have.' },
  check(index, report) {
    for (const manifest of index.subjectsOfKind('Ingress')) {
      if (!isIngress(manifest)) continue;
      const ingress = readIngress(manifest, index.defaultNamespace);
      const backends = [...ingress.paths.map((p) => p.backend), ...(ingress.defaultBackend ? [ingress.defaultBackend] : [])];
      for (const backend of backends) {
        const port = backend.service?.port;
        if (!backend.service || port === null || port === undefined) continue;
        const copies = index.find('Service', ingress.namespace, backend.service.name);
        if (copies.length === 0) continue;
        const service = readService(copies[copies.length - 1]);
        if (service.ports.some((p) => (typeof port === 'number' ? p.port === port : p.name === port))) continue;
        const known = service.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || l10n.t('none');
        const field = typeof port === 'number' ? 'number' : 'name';
        const message =
          typeof port === 'number'
            ? l10n.t('Service `{0}` has no port {1} (its ports: {2}): this path answers 503.', backend.service.name, port, known)
            : l10n.t("Service `{0}` has no port named `{1}` (its ports: {2}): port.name is the Service port's name, not a container port's; this path answers 503.", backend.service.name, port, known);
        report(manifest, [...backend.path, 'service', 'port', field], message);
      }
    }
  },
};
