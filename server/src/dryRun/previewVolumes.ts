import type { PreviewNodeVolumes, PreviewPodVolume } from '../protocol/preview';
import { isRecord } from '../simulator/model/labelSelector';
import type { SimPod } from '../simulator/model/pod';
import { namespaceOf } from '../simulator/model/podFromObject';
import { sourceKey } from '../simulator/model/sameSource';
import type { Manifest, SourceRef } from '../simulator/model/source';
import { podClaims } from '../simulator/model/storage/podClaims';
import { nodeVolumeCount, podVolumeReport } from '../simulator/model/storage/volumeReport';
import type { SimulationResult } from '../simulator/simulate';
import type { Locator } from './previewModel';

/** At most this many claims per pod travel in the model (a pod rarely has more; the rest are counted). */
export const MAX_POD_VOLUMES = 8;

/**
 * Each pod's claims after the run, as `drydock simulate --format json` reports them (`podVolumeReport`),
 * with where each claim is written: its PersistentVolumeClaim manifest, else the StatefulSet's
 * `volumeClaimTemplates` entry it is stamped from, else (an ephemeral volume's) the pod's manifest.
 * Claims of the cluster profile have no source.
 */
export function podVolumesOf(simulation: SimulationResult, manifests: readonly Manifest[], locate: Locator): (pod: SimPod) => { volumes: PreviewPodVolume[]; volumesOmitted?: number } | null {
  const claimSources = new Map<string, SourceRef>();
  const bySource = new Map<string, Manifest>();
  for (const m of manifests) {
    bySource.set(sourceKey(m.source), m);
    const name = m.object.metadata?.name;
    if (m.object.kind !== 'PersistentVolumeClaim' || typeof name !== 'string') continue;
    const key = `${namespaceOf(m.object)}/${name}`;
    // A manifest claim named like an existing one is that claim (`kubectl apply` does not unbind it): the first.
    if (!claimSources.has(key)) claimSources.set(key, m.source);
  }
  const templateSource = (pod: SimPod, claimName: string): SourceRef | null => {
    const owner = pod.owner;
    if (owner?.kind !== 'StatefulSet' || !pod.name.startsWith(`${owner.name}-`)) return null;
    const spec = bySource.get(sourceKey(pod.source))?.object.spec;
    const templates = isRecord(spec) && Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
    const ordinal = pod.name.slice(owner.name.length + 1);
    const index = templates.findIndex((t) => isRecord(t) && isRecord(t.metadata) && `${String(t.metadata.name)}-${owner.name}-${ordinal}` === claimName);
    return index < 0 ? null : { ...pod.source, path: [...pod.source.path, 'spec', 'volumeClaimTemplates', index] };
  };
  return (pod) => {
    const report = podVolumeReport(simulation.storage, pod);
    if (report.length === 0) return null;
    const ephemeral = new Set(podClaims(pod.spec, pod.name).flatMap((c) => (c.ephemeral ? [c.claimName] : [])));
    const volumes = report.slice(0, MAX_POD_VOLUMES).map((v): PreviewPodVolume => {
      const claimName = v.claim.slice(v.claim.indexOf('/') + 1);
      const source = claimSources.get(v.claim) ?? templateSource(pod, claimName) ?? (ephemeral.has(claimName) ? pod.source : null);
      return { claim: v.claim, pv: v.pv, reason: v.reason, source: locate(source) };
    });
    return report.length > MAX_POD_VOLUMES ? { volumes, volumesOmitted: report.length - MAX_POD_VOLUMES } : { volumes };
  };
}

/** Each node's attached volumes and CSI limits after the run, by node name (nodes with neither are absent). */
export function nodeVolumesOf(simulation: SimulationResult): Map<string, PreviewNodeVolumes> {
  const podsByKey = new Map(simulation.pods.map((p) => [p.pod.key, p.pod]));
  const result = new Map<string, PreviewNodeVolumes>();
  for (const { node, pods } of simulation.nodes) {
    const count = nodeVolumeCount(simulation.storage, node.name, pods.flatMap((key) => podsByKey.get(key) ?? []));
    if (count) result.set(node.name, { attached: count.attached, limits: count.limits.map((l) => ({ driver: l.driver, attached: l.attached, limit: l.limit })) });
  }
  return result;
}
