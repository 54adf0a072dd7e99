/**
 * The preview model and the what-if answers of examples/whatif (embedded default cluster), computed by
 * the editor's own dry-run session (the code behind drydock/preview and drydock/whatIf), for the
 * What-if tab's tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EditorDryRunSession } from '../../server/src/dryRun/editorSession';
import { manifestsOf } from '../../server/src/language/manifests';
import { parseFile } from '../../server/src/language/parse/parseFile';
import type { PreviewModel } from '../../server/src/protocol/preview';
import type { PreviewWhatIf, WhatIfNodeEvent } from '../../server/src/protocol/whatIf';

const PATH = join(__dirname, '..', '..', 'examples', 'whatif', 'app.yaml');

export interface WhatIfExample {
  model: PreviewModel;
  answer(events: WhatIfNodeEvent[]): PreviewWhatIf;
}

export function whatIfExample(): WhatIfExample {
  const uri = pathToFileURL(PATH).toString();
  const parsed = parseFile(readFileSync(PATH, 'utf8'));
  const session = new EditorDryRunSession();
  const params = { uri, scope: 'file' as const, neverReady: false };
  const model = session.preview({
    params,
    open: new Map([[uri, { uri, parsed, manifests: manifestsOf(uri, parsed) }]]),
    workspaceFiles: [],
    cluster: null,
    baselines: [],
    kubernetesVersion: '1.36',
    locateElsewhere: () => null,
  });
  if (!model) throw new Error('examples/whatif did not preview');
  return {
    model,
    answer: (events) => {
      const answer = session.whatIf({ ...params, events });
      if (!answer) throw new Error('no what-if answer');
      return answer;
    },
  };
}
