import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** Container names must be unique across a pod's containers, init containers and ephemeral containers. */
export const duplicateContainerName = defineContainerRule(
  { code: 'api/duplicate-container-name', defaultSeverity: 'error', category: 'api-server', summary: 'Container names must be unique within a pod (containers, initContainers and ephemeralContainers together).' },
  (pod, report) => {
    const seen = new Set<string>();
    for (const { path, container } of containersOf(pod)) {
      const name = container.name;
      if (typeof name !== 'string') continue;
      if (seen.has(name)) report([...path, 'name'], l10n.t('Duplicate container name `{0}`: container names must be unique within a pod.', name));
      seen.add(name);
    }
  },
);
