import { defineDocumentRule } from '../defineRule';
import { duplicatesBy, stringField } from '../objects/duplicates';
import { podSpecOf } from '../objects/podSpecs';

/** Volume names must be unique within a pod. */
export const duplicateVolumeName = defineDocumentRule(
  { code: 'api/duplicate-volume-name', defaultSeverity: 'error', category: 'api-server', summary: 'Volume names must be unique within a pod.' },
  (target, report) => {
    const pod = podSpecOf(target.object);
    if (!pod) return;
    for (const duplicate of duplicatesBy(pod.spec.volumes, stringField('name'))) {
      report([...pod.path, 'volumes', duplicate.index, 'name'], `Duplicate volume name \`${duplicate.key}\`: it is already volumes[${duplicate.first}].`);
    }
  },
);
