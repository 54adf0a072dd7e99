import { defineDocumentRule } from '../defineRule';
import { duplicatesBy, stringField } from '../objects/duplicates';
import { containersOf, podSpecOf } from '../objects/podSpecs';

/** The API server accepts a repeated env name, but only the last one takes effect (and it warns). */
export const duplicateEnvName = defineDocumentRule(
  { code: 'api/duplicate-env-name', defaultSeverity: 'warning', category: 'api-server', summary: 'An environment variable is defined twice in one container: only the last definition takes effect.' },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod) return;
    for (const { path, container } of containersOf(pod)) {
      for (const duplicate of duplicatesBy(container.env, stringField('name'))) {
        report([...path, 'env', duplicate.index, 'name'], `Environment variable \`${duplicate.key}\` is already defined as env[${duplicate.first}]: this definition hides it.`);
      }
    }
  },
);
