import { isRecord, toLabels, withLabels } from '../model/labelSelector';
import { statefulSetClaims } from '../model/storage/templateClaims';
import type { Manifest } from '../model/source';
import { makeReplica, nameOf, namespaceOf, readTemplate, replicaCount, type ExpansionContext, type WorkloadPods } from './context';
import { podTemplateHash } from './names';

/**
 * StatefulSet → `<name>-<ordinal>` (ordinals from `spec.ordinals.start`, default 0), labelled
 * `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and
 * `controller-revision-hash`. With the default `OrderedReady` policy the controller creates pod
 * N+1 only once pod N is Running and Ready: the simulation stops creating pods at the first one
 * that cannot be scheduled. `volumeClaimTemplates` create one claim per ordinal
 * (model/storage/templateClaims), and each pod gets its own spec naming its claims.
 */
export function expandStatefulSet(ctx: ExpansionContext, manifest: Manifest): WorkloadPods | undefined {
  const name = nameOf(manifest);
  const namespace = namespaceOf(manifest.object);
  const template = readTemplate(ctx, manifest);
  if (!template) return undefined;
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  const start = isRecord(spec.ordinals) && typeof spec.ordinals.start === 'number' ? spec.ordinals.start : 0;
  const revision = `${name}-${podTemplateHash(template.raw)}`;
  const ownerSelector = isRecord(spec.selector) ? (spec.selector as { matchLabels?: Record<string, string> }) : null;
  const count = replicaCount(ctx, manifest, ['spec', 'replicas'], 1);
  const pods = [];
  for (let i = 0; i < count; i++) {
    const ordinal = start + i;
    const podName = `${name}-${ordinal}`;
    ctx.namer.claim(namespace, podName);
    pods.push(
      makeReplica(ctx, manifest, {
        name: podName,
        namespace,
        labels: withLabels(template.labels, {
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': podName,
          'apps.kubernetes.io/pod-index': String(ordinal),
        }),
        template,
        spec: statefulSetClaims(ctx.objects.storage, spec.volumeClaimTemplates, name, ordinal, namespace, toLabels(ownerSelector?.matchLabels), template.spec),
        owner: { kind: 'StatefulSet', name },
        ownerSelector,
      }),
    );
  }
  return { kind: 'StatefulSet', name, namespace, manifest, pods, orderedReady: spec.podManagementPolicy !== 'Parallel' };
}
