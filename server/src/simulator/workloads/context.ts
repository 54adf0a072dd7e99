import * as l10n from '@vscode/l10n';
import type { ClusterObjects } from '../model/clusterObjects';
import { isRecord, toLabels } from '../model/labelSelector';
import type { SimNode } from '../model/node';
import type { PodSpec, SimPod } from '../model/pod';
import { makeSimPod, namespaceOf } from '../model/podFromObject';
import type { FieldPath, Manifest, SimFinding } from '../model/source';
import { admitPodSpec } from './admission';
import type { PodNamer } from './names';

/** Everything a workload expander needs, for one simulation. */
export interface ExpansionContext {
  readonly nodes: readonly SimNode[];
  readonly objects: ClusterObjects;
  readonly namer: PodNamer;
  readonly maxPodsPerWorkload: number;
  readonly maxPodsTotal: number;
  /** Pods created so far, over every workload (a representative counts as all the replicas it stands for). */
  created: number;
  /** Build only the first of a ReplicaSet's identical replicas (`ExpansionOptions.representatives`). */
  readonly representatives: boolean;
  readonly findings: SimFinding[];
}

/** The pods one manifest stands for. */
export interface WorkloadPods {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly manifest: Manifest;
  readonly pods: SimPod[];
  /** StatefulSet `OrderedReady`: pod N+1 is created only once pod N runs and is Ready. */
  readonly orderedReady: boolean;
  /** How many identical replicas each of `pods` stands for: 1, unless built as representatives (`identicalReplicas`). */
  readonly replicasPerPod?: number;
}

export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The spec after admission (shared by every replica). */
  spec: PodSpec;
  priority: number;
  /** Path of the spec in the manifest object. */
  specPath: FieldPath;
  /** The raw template (what pod-template-hash is computed from). */
  raw: Record<string, unknown>;
}

export function nameOf(manifest: Manifest): string {
  const metadata = manifest.object.metadata;
  return isRecord(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
}

export { namespaceOf };

/** `spec.template` of a workload, admitted; undefined (with a finding) when unusable. */
export function readTemplate(ctx: ExpansionContext, manifest: Manifest, path: FieldPath = ['spec', 'template']): PodTemplate | undefined {
  let raw: unknown = manifest.object;
  for (const segment of path) raw = isRecord(raw) ? raw[segment as string] : undefined;
  if (!isRecord(raw) || !isRecord(raw.spec)) {
    ctx.findings.push({ source: manifest.source, path: path.slice(0, -1), severity: 'warning', code: 'sim/invalid-workload', message: l10n.t('This {0} has no pod template ({1}.spec); it creates no pods.', String(manifest.object.kind), path.join('.')) });
    return undefined;
  }
  const metadata = isRecord(raw.metadata) ? raw.metadata : {};
  return admitted(ctx, manifest, raw.spec as PodSpec, [...path, 'spec'], toLabels(metadata.labels), toLabels(metadata.annotations), raw);
}

/** Runs admission on a spec; undefined (with an error finding) when the API server would reject the pods. */
export function admitted(ctx: ExpansionContext, manifest: Manifest, spec: PodSpec, specPath: FieldPath, labels: Record<string, string>, annotations: Record<string, string>, raw: Record<string, unknown>): PodTemplate | undefined {
  const result = admitPodSpec(spec, ctx.objects);
  if (!result.ok) {
    ctx.findings.push({ source: manifest.source, path: [...specPath, ...result.path], severity: 'error', code: 'sim/admission-rejected', message: result.message });
    return undefined;
  }
  return { labels, annotations, spec: result.spec, priority: result.priority, specPath, raw };
}

/**
 * `spec.replicas` (or another count field): the default when missing; capped at the per-workload
 * and total limits with a `sim/too-many-pods` finding, so that `replicas: 1000000000` cannot hang.
 */
export function replicaCount(ctx: ExpansionContext, manifest: Manifest, path: FieldPath, fallback: number): number {
  let raw: unknown = manifest.object;
  for (const segment of path) raw = isRecord(raw) ? raw[segment as string] : undefined;
  if (raw === undefined) return limit(ctx, manifest, path, fallback);
  // Replicas below 0: the API server rejects the object, and validation says so (api/negative-replicas).
  if (typeof raw === 'number' && raw < 0 && path[path.length - 1] === 'replicas') return 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    ctx.findings.push({ source: manifest.source, path, severity: 'warning', code: 'sim/invalid-workload', message: l10n.t('{0} must be a non-negative integer; this {1} is simulated with no pods.', path.join('.'), String(manifest.object.kind)) });
    return 0;
  }
  return limit(ctx, manifest, path, raw);
}

function limit(ctx: ExpansionContext, manifest: Manifest, path: FieldPath, wanted: number): number {
  const allowed = Math.max(0, Math.min(wanted, ctx.maxPodsPerWorkload, ctx.maxPodsTotal - ctx.created));
  if (allowed < wanted) {
    ctx.findings.push({
      source: manifest.source,
      path,
      severity: 'warning',
      code: 'sim/too-many-pods',
      message: l10n.t('This {0} asks for {1} pods; only {2} are simulated (limits: {3} per workload, {4} in all).', String(manifest.object.kind), wanted, allowed, ctx.maxPodsPerWorkload, ctx.maxPodsTotal),
    });
  }
  return allowed;
}

export interface ReplicaFields {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  template: PodTemplate;
  spec?: PodSpec;
  owner: { kind: string; name: string } | null;
  ownerSelector?: SimPod['ownerSelector'];
  workload?: { kind: string; name: string } | null;
}

/**
 * The `count` replicas of a ReplicaSet (or ReplicationController), which differ only in their names:
 * `make(i)` builds replica i. With `ctx.representatives`, only replica 0 is built, standing for all
 * of them (named as it would be, and counted as `count` pods toward the limits).
 */
export function identicalReplicas(ctx: ExpansionContext, count: number, make: (index: number) => SimPod): { pods: SimPod[]; replicasPerPod?: number } {
  if (!ctx.representatives || count <= 1) return { pods: Array.from({ length: count }, (_, i) => make(i)) };
  const first = make(0);
  ctx.created += count - 1;
  return { pods: [first], replicasPerPod: count };
}

export function makeReplica(ctx: ExpansionContext, manifest: Manifest, fields: ReplicaFields): SimPod {
  ctx.created++;
  const pod = makeSimPod({
    name: fields.name,
    namespace: fields.namespace,
    labels: fields.labels,
    annotations: fields.template.annotations,
    spec: fields.spec ?? fields.template.spec,
    source: manifest.source,
    specPath: fields.template.specPath,
    owner: fields.owner,
    origin: 'manifest',
  });
  pod.priority = fields.template.priority;
  if (fields.ownerSelector !== undefined) pod.ownerSelector = fields.ownerSelector;
  if (fields.workload) pod.workload = fields.workload;
  return pod;
}
