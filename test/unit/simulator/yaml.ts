import { manifestsOf } from '../../../server/src/language/manifests';
import { parseFile } from '../../../server/src/language/parse/parseFile';
import type { Manifest } from '../../../server/src/simulator/model/source';

/** Manifests from YAML text, as the CLI and the editor read them. */
export function manifests(text: string, file = 'manifests.yaml'): Manifest[] {
  return manifestsOf(file, parseFile(text));
}
