import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** `image` is optional in the OpenAPI schema (for higher-level tools), but a pod's containers must have one. */
export const missingImage = defineContainerRule(
  { code: 'api/missing-image', defaultSeverity: 'error', category: 'api-server', summary: 'Every container needs an `image`.' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod)) {
      if (typeof container.image === 'string' && container.image.trim() !== '') continue;
      const name = typeof container.name === 'string' ? ` \`${container.name}\`` : '';
      report(container.image === undefined ? path : [...path, 'image'], l10n.t('Container{0} has no `image`: the API server rejects it (Required value).', name), { target: 'key', data: { field: 'image' } });
    }
  },
);
