import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { compileLabelSelector, selectorFromSet, toLabels } from '../../../simulator/model/labelSelector';
import { defineDocumentRule } from '../defineRule';

/**
 * The API server rejects a workload whose selector does not select its own pod template ("`selector`
 * does not match template `labels`", apps validation), before any controller sees it: a validation
 * finding, in the first publish and in `drydock check --no-cross-resource` (the dry run does not
 * repeat it).
 */
const KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);

export const selectorMismatch = defineDocumentRule(
  { code: 'api/selector-mismatch', defaultSeverity: 'error', category: 'api-server', summary: "A Deployment's, ReplicaSet's, StatefulSet's, DaemonSet's or ReplicationController's selector must match its pod template's labels." },
  (target, report) => {
    const { object } = target;
    if (typeof object.kind !== 'string' || !KINDS.has(object.kind)) return;
    const spec = object.spec;
    if (!isPlainObject(spec)) return;
    const template = spec.template;
    const labels = toLabels(isPlainObject(template) && isPlainObject(template.metadata) ? template.metadata.labels : undefined);
    if (object.kind === 'ReplicationController') {
      if (!isPlainObject(spec.selector)) return; // defaults to the template's labels
      if (!selectorFromSet(toLabels(spec.selector)).matches(labels)) report(['spec', 'selector'], l10n.t('`selector` does not match the template `labels`: the API server rejects it.'), { target: 'key' });
      return;
    }
    if (!isPlainObject(spec.selector)) return; // the schema reports the missing selector
    const selector = compileLabelSelector(spec.selector);
    if (selector.invalid) return; // api/selector-operator explains it
    if (selector.isEverything) report(['spec', 'selector'], l10n.t('An empty `selector` selects every pod: the API server rejects it for a workload.'), { target: 'key' });
    else if (!selector.matches(labels)) report(['spec', 'selector'], l10n.t('`selector` does not match the template `labels`: the API server rejects it.'), { target: 'key', data: { align: true } });
  },
);
