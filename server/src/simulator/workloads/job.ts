import { isRecord, withLabels } from '../model/labelSelector';
import type { Manifest } from '../model/source';
import { makeReplica, nameOf, namespaceOf, readTemplate, replicaCount, type ExpansionContext, type WorkloadPods } from './context';
import { fnv32a } from './names';

/**
 * Job → its first wave of pods: `parallelism` (default 1), no more than `completions` when set;
 * none while `suspend: true`. Pods are labelled `batch.kubernetes.io/job-name`,
 * `batch.kubernetes.io/controller-uid` (and the legacy `job-name`, `controller-uid`); an Indexed
 * Job's pods are `<name>-<index>-<5 chars>` with `batch.kubernetes.io/job-completion-index`.
 */
export function expandJob(ctx: ExpansionContext, manifest: Manifest): WorkloadPods | undefined {
  const name = nameOf(manifest);
  const namespace = namespaceOf(manifest.object);
  const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
  if (spec.suspend === true) return { kind: 'Job', name, namespace, manifest, pods: [], orderedReady: false };
  const template = readTemplate(ctx, manifest);
  if (!template) return undefined;
  const uid = fakeUid(`${namespace}/${name}`);
  const base = withLabels(template.labels, { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name });
  const parallelism = replicaCount(ctx, manifest, ['spec', 'parallelism'], 1);
  const completions = typeof spec.completions === 'number' && spec.completions >= 0 ? spec.completions : Infinity;
  const count = Math.min(parallelism, completions);
  const indexed = spec.completionMode === 'Indexed';
  const pods = Array.from({ length: count }, (_, i) =>
    makeReplica(ctx, manifest, {
      name: indexed ? ctx.namer.generated(namespace, `${name}-${i}`, 0) : ctx.namer.generated(namespace, name, i),
      namespace,
      labels: indexed ? withLabels(base, { 'batch.kubernetes.io/job-completion-index': String(i) }) : base,
      template,
      owner: { kind: 'Job', name },
      ownerSelector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
    }),
  );
  return { kind: 'Job', name, namespace, manifest, pods, orderedReady: false };
}

/** A UID-shaped, deterministic identifier. */
function fakeUid(seed: string): string {
  const hex = Array.from({ length: 4 }, (_, i) => fnv32a(`${seed}#${i}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
