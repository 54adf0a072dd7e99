import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { parseQuantity } from '../../../simulator/model/quantity';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** A container's request for a resource may not exceed its limit for it. */
export const requestsExceedLimits = defineContainerRule(
  { code: 'api/requests-exceed-limits', defaultSeverity: 'error', category: 'api-server', summary: "A container's resource request must be less than or equal to its limit." },
  (pod, report) => {
    for (const { path, container } of containersOf(pod, ['containers', 'initContainers'])) {
      const resources = container.resources;
      if (!isPlainObject(resources) || !isPlainObject(resources.requests) || !isPlainObject(resources.limits)) continue;
      for (const [name, request] of Object.entries(resources.requests)) {
        const limit = resources.limits[name];
        if (limit === undefined) continue;
        const r = parseQuantity(request);
        const l = parseQuantity(limit);
        if (!r.ok || !l.ok) continue; // the schema reports malformed quantities
        if (r.quantity.nanos > l.quantity.nanos) {
          report([...path, 'resources', 'requests', name], l10n.t('The {0} request ({1}) is more than its limit ({2}): it must be less than or equal to the limit.', name, String(request), String(limit)));
        }
      }
    }
  },
);
