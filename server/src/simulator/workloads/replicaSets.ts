import { isRecord, withLabels } from '../model/labelSelector';
import type { Manifest } from '../model/source';
import { identicalReplicas, makeReplica, nameOf, namespaceOf, readTemplate, replicaCount, type ExpansionContext, type WorkloadPods } from './context';
import { podTemplateHash } from './names';

/**
 * Deployment → ReplicaSet `<name>-<pod-template-hash>` → replicas `<rs>-<5 chars>`, labelled with
 * `pod-template-hash`; the ReplicaSet (whose selector is the Deployment's plus that label) is
 * each pod's owner, as upstream, so default topology spreading counts the ReplicaSet's pods.
 * Only the Deployment's current revision is simulated (a fresh `kubectl apply`).
 */
export function expandDeployment(ctx: ExpansionContext, manifest: Manifest): WorkloadPods | undefined {
  const name = nameOf(manifest);
  const namespace = namespaceOf(manifest.object);
  const template = readTemplate(ctx, manifest);
  if (!template) return undefined;
  const hash = podTemplateHash(template.raw);
  const rsName = `${name}-${hash}`;
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  const selector = isRecord(spec.selector) ? spec.selector : {};
  const ownerSelector = {
    ...selector,
    matchLabels: { ...(isRecord(selector.matchLabels) ? (selector.matchLabels as Record<string, string>) : {}), 'pod-template-hash': hash },
  };
  const labels = withLabels(template.labels, { 'pod-template-hash': hash });
  const count = replicaCount(ctx, manifest, ['spec', 'replicas'], 1);
  const replicas = identicalReplicas(ctx, count, (i) =>
    makeReplica(ctx, manifest, {
      name: ctx.namer.generated(namespace, rsName, i),
      namespace,
      labels,
      template,
      owner: { kind: 'ReplicaSet', name: rsName },
      ownerSelector,
      workload: { kind: 'Deployment', name },
    }),
  );
  return { kind: 'Deployment', name, namespace, manifest, ...replicas, orderedReady: false };
}

/** ReplicaSet / ReplicationController → `<name>-<5 chars>` replicas owned by it. */
export function expandReplicaSet(ctx: ExpansionContext, manifest: Manifest): WorkloadPods | undefined {
  const kind = String(manifest.object.kind);
  const name = nameOf(manifest);
  const namespace = namespaceOf(manifest.object);
  const template = readTemplate(ctx, manifest);
  if (!template) return undefined;
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  let ownerSelector: WorkloadPods['pods'][number]['ownerSelector'];
  if (kind === 'ReplicationController') {
    // A ReplicationController's selector is a plain map, defaulting to the template's labels.
    ownerSelector = { matchLabels: isRecord(spec.selector) ? (spec.selector as Record<string, string>) : { ...template.labels } };
  } else {
    ownerSelector = isRecord(spec.selector) ? (spec.selector as NonNullable<typeof ownerSelector>) : null;
  }
  const count = replicaCount(ctx, manifest, ['spec', 'replicas'], 1);
  const replicas = identicalReplicas(ctx, count, (i) =>
    makeReplica(ctx, manifest, {
      name: ctx.namer.generated(namespace, name, i),
      namespace,
      labels: template.labels,
      template,
      owner: { kind, name },
      ownerSelector,
    }),
  );
  return { kind, name, namespace, manifest, ...replicas, orderedReady: false };
}
