import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';
import { duplicatesBy, stringField } from '../objects/duplicates';
import { containersOf } from '../objects/podSpecs';

/** The API server accepts a repeated env name, but only the last one takes effect (and it warns). */
export const duplicateEnvName = defineContainerRule(
  { code: 'api/duplicate-env-name', defaultSeverity: 'warning', category: 'api-server', summary: 'An environment variable is defined twice in one container: only the last definition takes effect.' },
  (pod, report) => {
    for (const { path, container } of containersOf(pod)) {
      for (const duplicate of duplicatesBy(container.env, stringField('name'))) {
        report([...path, 'env', duplicate.index, 'name'], l10n.t('Environment variable `{0}` is already defined as env[{1}]: this definition hides it.', duplicate.key, duplicate.first));
      }
    }
  },
);
