import { orList } from '../../messageLists';
import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** Without CPU and memory requests the scheduler cannot place pods sensibly, and they are evicted first. */
export const missingRequests = defineContainerRule(
  { code: 'bp/missing-requests', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers should request CPU and memory.' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod, ['containers'])) {
      const resources = isPlainObject(container.resources) ? container.resources : {};
      const requests = isPlainObject(resources.requests) ? resources.requests : {};
      const missing = ['cpu', 'memory'].filter((r) => requests[r] === undefined);
      if (missing.length === 0) continue;
      const name = typeof container.name === 'string' ? ` \`${container.name}\`` : '';
      report(isPlainObject(container.resources) ? [...path, 'resources'] : path, l10n.t('Container{0} does not request {1}: set `resources.requests` so the scheduler can place it.', name, orList(missing)), { target: 'key' });
    }
  },
);
