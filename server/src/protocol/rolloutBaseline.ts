/**
 * The rollout baseline: the version of a document its Deployments are rolled out from, in the
 * editor's diagnostics and in the preview alike. The setting `drydock.rollout.baseline` is the user's
 * default; the preview's picker overrides it for one document (`drydock/setRolloutBaseline`). Types
 * only: the server, the host and the webview import this file.
 */

/** `drydock.rollout.baseline`: `auto` is git HEAD when the workspace is trusted and the file is in a git repository, else the saved file. */
export type RolloutBaselineSetting = 'auto' | 'head' | 'saved';

/** A document's baseline as the user picked it in the preview: git HEAD, the file as saved, or another file of the workspace (`file:` URI). */
export type RolloutBaselineChoice = { kind: 'head' } | { kind: 'saved' } | { kind: 'file'; uri: string };

/** What a preview's rollouts were computed from (`PreviewModel.baseline`; absent for charts and overlays). */
export interface PreviewBaseline {
  /** The baseline read: git HEAD, the file as saved, or another file. */
  kind: RolloutBaselineChoice['kind'];
  /** In words: "last commit (HEAD)", "saved file", or the other file's workspace-relative path. */
  label: string;
  /** The other file (kind `file`). */
  file?: string;
  /** False when there was nothing to read (a new file, a picked file that is gone): nothing is rolled out. */
  found: boolean;
  /** The user picked it in the preview (false: it follows `drydock.rollout.baseline`). */
  picked: boolean;
  /** git HEAD can be read for this document (the workspace is trusted and the file is in a git repository). */
  headAvailable: boolean;
  /** Why the baseline is not what was asked for (e.g. HEAD in an untrusted workspace); null when it is. */
  fallback: string | null;
  /** Every Deployment rolled out is unchanged from the baseline: the preview shows a restart instead. */
  unchanged: boolean;
}

/** The params of `drydock/setRolloutBaseline`: one document's baseline (null: back to the setting). */
export interface SetRolloutBaselineParams {
  uri: string;
  baseline: RolloutBaselineChoice | null;
}

/** What the webview's picker asks for: `file` asks the host to show a file picker. */
export type RolloutBaselinePick = 'head' | 'saved' | 'file';

/** Webview → host: the rollout view's baseline picker. */
export interface SetRolloutBaselineMessage {
  type: 'setRolloutBaseline';
  pick: RolloutBaselinePick;
}
