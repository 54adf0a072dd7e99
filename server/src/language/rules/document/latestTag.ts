import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf } from '../objects/podSpecs';

/** The tag of an image reference (undefined when it has none), ignoring a registry port. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return '@digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : image.slice(colon + 1);
}

/** Images should be pinned: no tag means `latest`, which changes under a running workload. */
export const latestTag = defineContainerRule(
  { code: 'bp/latest-tag', defaultSeverity: 'warning', category: 'best-practice', summary: 'Container images should have a pinned tag or digest, not `latest` or none.' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod)) {
      if (typeof container.image !== 'string' || container.image === '') continue;
      const tag = imageTag(container.image);
      if (tag === undefined || tag === 'latest') {
        const message = tag
          ? l10n.t('Image `{0}` uses the `latest` tag: pin a version or digest so that every pod runs the same code.', container.image)
          : l10n.t('Image `{0}` has no tag (so it is `latest`): pin a version or digest so that every pod runs the same code.', container.image);
        report([...path, 'image'], message);
      }
    }
  },
);
