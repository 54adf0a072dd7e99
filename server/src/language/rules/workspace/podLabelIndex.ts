import { isPlainObject } from '../../manifests';
import { toLabels, type Selector } from '../../../simulator/model/labelSelector';
import type { KubeObject, Manifest } from '../../../simulator/model/source';
import { podTemplatePathOf, valueAt } from '../objects/podSpecs';

/** Kinds whose objects are pods or create them from a template. */
export const POD_KINDS: readonly string[] = ['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** A manifest that is a pod or creates pods, with the labels of those pods. */
export interface PodSource {
  readonly manifest: Manifest;
  readonly kind: string;
  readonly labels: Readonly<Record<string, string>>;
}

interface NamespacePods {
  all: PodSource[];
  /** `key=value` → the sources whose pod labels have that pair, in manifest order. */
  byPair: Map<string, PodSource[]>;
}

/**
 * The pod sources of a workspace by namespace and pod label, so that a selector finds the pods it
 * selects without scanning every workload: its single-valued `In` requirements (every `matchLabels`
 * pair, every pair of a Service selector) each narrow the candidates to one posting list, and only
 * the shortest is scanned. A selector without such a requirement scans its namespace.
 *
 * Worked example: 1,000 Deployments `app: aN` and 1,000 PodDisruptionBudgets selecting `app: aN`
 * cost 1,000 look-ups of a one-entry list instead of 1,000,000 selector matches.
 */
export class PodLabelIndex {
  private readonly namespaces = new Map<string, NamespacePods>();

  constructor(sources: Iterable<{ manifest: Manifest; namespace: string }>) {
    for (const { manifest, namespace } of sources) {
      const labels = podLabelsOf(manifest.object);
      if (!labels || typeof manifest.object.kind !== 'string') continue;
      const source: PodSource = { manifest, kind: manifest.object.kind, labels };
      let pods = this.namespaces.get(namespace);
      if (!pods) this.namespaces.set(namespace, (pods = { all: [], byPair: new Map() }));
      pods.all.push(source);
      for (const [key, value] of Object.entries(labels)) {
        const pair = `${key}=${value}`;
        const list = pods.byPair.get(pair);
        if (list) list.push(source);
        else pods.byPair.set(pair, [source]);
      }
    }
  }

  /** The pod sources of `namespace` whose pod labels `selector` matches, in manifest order. */
  selected(namespace: string, selector: Selector): PodSource[] {
    const pods = this.namespaces.get(namespace);
    if (!pods || selector.nothing || selector.invalid) return [];
    let candidates = pods.all;
    for (const requirement of selector.requirements) {
      if (requirement.operator !== 'In' || requirement.values.length !== 1) continue;
      const list = pods.byPair.get(`${requirement.key}=${requirement.values[0]}`) ?? [];
      if (list.length < candidates.length) candidates = list;
      if (candidates.length === 0) return [];
    }
    return candidates.filter((source) => selector.matches(source.labels));
  }
}

/** The labels of the pods an object is or creates (undefined when it is not a pod kind). */
function podLabelsOf(object: KubeObject): Record<string, string> | undefined {
  if (typeof object.kind !== 'string' || !POD_KINDS.includes(object.kind)) return undefined;
  if (object.kind === 'Pod') return toLabels(object.metadata?.labels);
  const template = podTemplatePathOf(object);
  if (!template) return undefined;
  const metadata = valueAt(object, [...template, 'metadata']);
  return toLabels(isPlainObject(metadata) ? metadata.labels : undefined);
}
