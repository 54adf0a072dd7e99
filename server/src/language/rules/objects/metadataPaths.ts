import { isPlainObject } from '../../manifests';
import type { FieldPath, KubeObject } from '../../../simulator/model/source';
import { podTemplatePathOf, valueAt } from './podSpecs';

/** Every ObjectMeta of an object: its own `metadata`, and its pod template's (and a CronJob's job template's). */
export function metadataPathsOf(object: KubeObject): FieldPath[] {
  const paths: FieldPath[] = [['metadata']];
  if (object.kind === 'CronJob') paths.push(['spec', 'jobTemplate', 'metadata']);
  const template = podTemplatePathOf(object);
  if (template) paths.push([...template, 'metadata']);
  return paths.filter((path) => isPlainObject(valueAt(object, path)));
}
