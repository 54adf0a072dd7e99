import * as l10n from '@vscode/l10n';
import { isRecord, toLabels } from '../model/labelSelector';
import type { PodSpec, SimPod } from '../model/pod';
import { controllerOf, namespaceOf, readyCondition } from '../model/podFromObject';
import type { Manifest } from '../model/source';
import { admitted, makeReplica, type ExpansionContext, type WorkloadPods } from './context';

/**
 * A Pod manifest: one pod (a `generateName` gets 5 characters appended). It keeps `spec.nodeName`
 * (bound directly), `status.phase` and the Ready condition when written, as kubectl prints them.
 */
export function expandPod(ctx: ExpansionContext, manifest: Manifest): WorkloadPods | undefined {
  const object = manifest.object;
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const namespace = namespaceOf(object);
  let name = typeof metadata.name === 'string' ? metadata.name : '';
  if (name === '' && typeof metadata.generateName === 'string' && metadata.generateName !== '') {
    name = ctx.namer.generated(namespace, metadata.generateName.replace(/-$/, ''), 0);
  } else if (name !== '' && !ctx.namer.claim(namespace, name)) {
    ctx.findings.push({ source: manifest.source, path: ['metadata', 'name'], severity: 'warning', code: 'sim/duplicate-object', message: l10n.t('Pod {0}/{1} is defined more than once; only the first definition is simulated.', namespace, name) });
    return undefined;
  }
  if (name === '') {
    ctx.findings.push({ source: manifest.source, path: ['metadata'], severity: 'warning', code: 'sim/invalid-workload', message: l10n.t('This Pod has neither metadata.name nor metadata.generateName; it is not simulated.') });
    return undefined;
  }
  const spec = (isRecord(object.spec) ? object.spec : {}) as PodSpec;
  const template = admitted(ctx, manifest, spec, ['spec'], toLabels(metadata.labels), toLabels(metadata.annotations), object);
  if (!template) return undefined;
  if (ctx.created >= ctx.maxPodsTotal) return undefined;
  const pod: SimPod = makeReplica(ctx, manifest, { name, namespace, labels: template.labels, template, owner: controllerOf(metadata.ownerReferences) });
  const status = isRecord(object.status) ? object.status : {};
  if (typeof status.phase === 'string') pod.phase = status.phase;
  pod.ready = readyCondition(status.conditions) !== false;
  if (metadata.deletionTimestamp !== undefined) pod.terminating = true;
  return { kind: 'Pod', name, namespace, manifest, pods: [pod], orderedReady: false };
}
