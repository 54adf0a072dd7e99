import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';
import { duplicatesBy, stringField } from '../objects/duplicates';

/** Volume names must be unique within a pod. */
export const duplicateVolumeName = defineContainerRule(
  { code: 'api/duplicate-volume-name', defaultSeverity: 'error', category: 'api-server', summary: 'Volume names must be unique within a pod.' },
  (pod, report) => {
    for (const duplicate of duplicatesBy(pod.spec.volumes, stringField('name'))) {
      report([...pod.path, 'volumes', duplicate.index, 'name'], l10n.t('Duplicate volume name `{0}`: it is already volumes[{1}].', duplicate.key, duplicate.first));
    }
  },
);
