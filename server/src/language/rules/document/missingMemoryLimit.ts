import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** A container without a memory limit can take the whole node's memory. */
export const missingMemoryLimit = defineContainerRule(
  { code: 'bp/missing-memory-limit', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers should have a memory limit.' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod, ['containers'])) {
      const resources = isPlainObject(container.resources) ? container.resources : {};
      const limits = isPlainObject(resources.limits) ? resources.limits : {};
      if (limits.memory !== undefined) continue;
      const name = typeof container.name === 'string' ? ` \`${container.name}\`` : '';
      report(isPlainObject(container.resources) ? [...path, 'resources'] : path, l10n.t('Container{0} has no memory limit: set `resources.limits.memory`.', name), { target: 'key' });
    }
  },
);
