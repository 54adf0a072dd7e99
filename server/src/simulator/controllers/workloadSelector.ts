import * as l10n from '@vscode/l10n';
import type { Manifest, SimFinding } from '../model/source';
import { compileLabelSelector, isRecord, selectorFromSet, toLabels } from '../model/labelSelector';
import { describeLabelSelector } from './describeSelector';

/** Workload kinds whose `spec.selector` must select their own `spec.template` labels. */
const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * `ref/selector-template-mismatch`: the API server rejects a Deployment (ReplicaSet, StatefulSet,
 * DaemonSet; ReplicationController with its map selector) whose selector does not match its own pod
 * template's labels ("`selector` does not match template `labels`"), because the controller would
 * create pods it then does not count as its own. Returns null when the workload is fine or not one of
 * these kinds, and leaves invalid selectors to the selector validation.
 */
export function selectorTemplateMismatch(manifest: Manifest): SimFinding | null {
  const { object } = manifest;
  const kind = object.kind ?? '';
  const spec = isRecord(object.spec) ? object.spec : undefined;
  if (!spec) return null;
  const template = isRecord(spec.template) ? spec.template : {};
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const labels = toLabels(metadata.labels);
  let matches: boolean;
  if (LABEL_SELECTOR_KINDS.has(kind)) {
    const selector = isRecord(spec.selector) ? compileLabelSelector(spec.selector) : null;
    if (!selector || selector.invalid) return null;
    matches = selector.matches(labels);
  } else if (kind === 'ReplicationController') {
    if (!isRecord(spec.selector)) return null;
    matches = selectorFromSet(toLabels(spec.selector)).matches(labels);
  } else {
    return null;
  }
  if (matches) return null;
  return {
    source: manifest.source,
    path: ['spec', 'template', 'metadata', 'labels'],
    severity: 'error',
    code: 'ref/selector-template-mismatch',
    message: l10n.t(
      'the {0} selector ({1}) does not match the pod template labels ({2}); the API server rejects it ("{3}")',
      kind,
      describeLabelSelector(kind === 'ReplicationController' ? { matchLabels: spec.selector } : spec.selector),
      describeLabels(labels),
      'selector does not match template labels',
    ),
  };
}

function describeLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}
