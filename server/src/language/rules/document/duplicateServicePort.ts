import * as l10n from '@vscode/l10n';
import { defineDocumentRule } from '../defineRule';
import { duplicatesBy, stringField } from '../objects/duplicates';

/** A Service's ports are keyed by (port, protocol), and their names must be unique. */
export const duplicateServicePort = defineDocumentRule(
  { code: 'api/duplicate-service-port', defaultSeverity: 'error', category: 'api-server', summary: 'A Service may not list the same port/protocol twice or reuse a port name.' },
  (target, report) => {
    if (target.object.kind !== 'Service') return;
    const ports = (target.object.spec as Record<string, unknown> | undefined)?.ports;
    for (const duplicate of duplicatesBy(ports, (port) => (typeof port.port === 'number' ? `${port.port}/${typeof port.protocol === 'string' && port.protocol ? port.protocol : 'TCP'}` : undefined))) {
      report(['spec', 'ports', duplicate.index], l10n.t('Duplicate Service port {0}: it is already ports[{1}].', duplicate.key, duplicate.first));
    }
    for (const duplicate of duplicatesBy(ports, stringField('name'))) {
      report(['spec', 'ports', duplicate.index, 'name'], l10n.t('Duplicate Service port name `{0}`: it is already ports[{1}].', duplicate.key, duplicate.first));
    }
  },
);
