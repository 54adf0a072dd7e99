import { defineDocumentRule } from '../defineRule';
import { duplicatesBy, stringField } from '../objects/duplicates';

/** A Service's ports are keyed by (port, protocol), and their names must be unique. */
export const duplicateServicePort = defineDocumentRule(
  { code: 'api/duplicate-service-port', defaultSeverity: 'error', category: 'api-server', summary: 'A Service may not list the same port/protocol twice or reuse a port name.' },
  (target, report) => {
    if (target.object.kind !== 'Service') return;
    const ports = (target.object.spec as Record<string, unknown> | undefined)?.ports;
    for (const duplicate of duplicatesBy(ports, (port) => (typeof port.port === 'number' ? `${port.port}/${typeof port.protocol === 'string' && port.protocol ? port.protocol : 'TCP'}` : undefined))) {
      report(['spec', 'ports', duplicate.index], `Duplicate Service port ${duplicate.key}: it is already ports[${duplicate.first}].`);
    }
    for (const duplicate of duplicatesBy(ports, stringField('name'))) {
      report(['spec', 'ports', duplicate.index, 'name'], `Duplicate Service port name \`${duplicate.key}\`: it is already ports[${duplicate.first}].`);
    }
  },
);
