import { isPlainObject, manifestsOf } from '../manifests';
import type { Manifest } from '../../simulator/model/source';
import type { RenderedProject } from './renderedProject';

/**
 * The objects a rendered chart or overlay puts on a cluster, as manifests of `path` (their findings
 * are placed back in the sources by document): a chart's test hooks (`helm.sh/hook: test…`), which only
 * `helm test` creates, are left out.
 */
export function renderedManifests(path: string, project: RenderedProject): Manifest[] {
  return manifestsOf(path, project.parsed).filter((manifest) => !isTestHook(manifest.object));
}

function isTestHook(object: unknown): boolean {
  const annotations = isPlainObject(object) && isPlainObject(object.metadata) && isPlainObject(object.metadata.annotations) ? object.metadata.annotations : {};
  const hook = annotations['helm.sh/hook'];
  return typeof hook === 'string' && hook.split(',').some((h) => h.trim().startsWith('test'));
}
