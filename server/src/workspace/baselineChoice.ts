import * as l10n from '@vscode/l10n';
import type { RolloutBaselineChoice, RolloutBaselineSetting } from '../protocol/rolloutBaseline';

/** Where the document is: git HEAD is read only in a trusted workspace, and only for a file in a git repository. */
export interface BaselineContext {
  trusted: boolean;
  /** The file is in a git repository (only asked in a trusted workspace: git runs nothing there otherwise). */
  inRepository: boolean;
}

/** Which version a document is rolled out from, and why it is not the one asked for (null: it is). */
export interface BaselineSource {
  read: RolloutBaselineChoice;
  /** The user picked it in the preview (else it follows the setting). */
  picked: boolean;
  fallback: string | null;
}

/**
 * The baseline of one document, pure: the preview's pick for it when there is one, else the setting
 * (`auto`: git HEAD when the workspace is trusted and the file is in a git repository, else the saved
 * file). HEAD asked for where it cannot be read falls back to the saved file, and says why.
 */
export function baselineSource(setting: RolloutBaselineSetting, picked: RolloutBaselineChoice | undefined, context: BaselineContext): BaselineSource {
  const headReadable = context.trusted && context.inRepository;
  if (!picked && setting === 'auto') return { read: { kind: headReadable ? 'head' : 'saved' }, picked: false, fallback: null };
  const wanted: RolloutBaselineChoice = picked ?? { kind: setting === 'head' ? 'head' : 'saved' };
  if (wanted.kind !== 'head' || headReadable) return { read: wanted, picked: picked !== undefined, fallback: null };
  const fallback = context.trusted
    ? l10n.t('Not from the last commit: the file is not in a git repository; rolled out from the saved file.')
    : l10n.t('Not from the last commit: git is not run in an untrusted workspace; rolled out from the saved file.');
  return { read: { kind: 'saved' }, picked: picked !== undefined, fallback };
}

/** `drydock.rollout.baseline` as configured (anything else: the default, `auto`). */
export function readBaselineSetting(value: unknown): RolloutBaselineSetting {
  return value === 'head' || value === 'saved' ? value : 'auto';
}

/** A `drydock/setRolloutBaseline` choice from the wire: undefined when malformed (null is "back to the setting"). */
export function readBaselineChoice(value: unknown): RolloutBaselineChoice | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  if (raw.kind === 'head' || raw.kind === 'saved') return { kind: raw.kind };
  if (raw.kind === 'file' && typeof raw.uri === 'string' && raw.uri.startsWith('file:') && raw.uri.length <= 4096) return { kind: 'file', uri: raw.uri };
  return undefined;
}
