/**
 * The preview model and the what-if answers of a shipped example folder (every file of it, workspace
 * scope, on the examples' cluster profile or the embedded default cluster), computed by the editor's
 * own dry-run session, the code behind drydock/preview and drydock/whatIf. For the examples the
 * recordings leave out (examples/ingress, examples/whatif) and for what-if answers, which no recording holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EditorDryRunSession } from '../../server/src/dryRun/editorSession';
import type { LoadedFile } from '../../server/src/dryRun/loadedFile';
import { manifestsOf } from '../../server/src/language/manifests';
import { parseFile } from '../../server/src/language/parse/parseFile';
import type { WhatIfExample } from './whatIfModels';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function load(path: string): LoadedFile {
  const uri = pathToFileURL(path).toString();
  const parsed = parseFile(readFileSync(path, 'utf8'));
  return { uri, parsed, manifests: manifestsOf(uri, parsed) };
}

/** examples/<folder>, every YAML file of it open; `cluster`: a profile under examples/ (null: the embedded default cluster). */
export function exampleRun(folder: string, cluster: string | null): WhatIfExample {
  const dir = join(EXAMPLES, folder);
  const files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => load(join(dir, name)));
  if (files.length === 0) throw new Error(`examples/${folder} has no YAML file`);
  const session = new EditorDryRunSession();
  const params = { uri: files[0].uri, scope: 'workspace' as const, neverReady: false };
  const model = session.preview({
    params,
    open: new Map(files.map((file) => [file.uri, file])),
    workspaceFiles: [],
    cluster: cluster === null ? null : load(join(EXAMPLES, cluster)),
    baselines: [],
    kubernetesVersion: '1.36',
    locateElsewhere: () => null,
  });
  if (!model) throw new Error(`examples/${folder} did not preview`);
  return {
    model,
    answer: (events) => {
      const answer = session.whatIf({ ...params, events });
      if (!answer) throw new Error(`examples/${folder}: no what-if answer`);
      return answer;
    },
  };
}
