import { isRecord } from '../../model/labelSelector';
import { definePlugin, makeStatus, SKIP_RESULT } from '../types';

/**
 * VolumeZone (volumes.md §6). PreFilter: for each `persistentVolumeClaim` volume whose claim names
 * a volume, that PV must exist (`persistentvolume "<pv>" not found`); the zone and region labels of
 * those PVs are collected (a value may list zones joined by `__`); none → Skip. Unbound claims are
 * ignored (VolumeBinding rejects the unbound immediate ones first). Filter: a node with none of the
 * four labels passes; otherwise, for every collected key, the node's value (a beta key falls back to
 * its GA twin) must be one of the PV's values.
 */
export const VOLUME_ZONE = 'VolumeZone';

const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const GA_ZONE = 'topology.kubernetes.io/zone';
const GA_REGION = 'topology.kubernetes.io/region';
const TOPOLOGY_LABELS = [BETA_ZONE, BETA_REGION, GA_ZONE, GA_REGION];
const GA_TWIN: Readonly<Record<string, string>> = { [BETA_ZONE]: GA_ZONE, [BETA_REGION]: GA_REGION };

const NO_ZONE = makeStatus(VOLUME_ZONE, 'UnschedulableAndUnresolvable', 'node(s) had no available volume zone');

interface Topology {
  readonly key: string;
  readonly values: ReadonlySet<string>;
}

export const volumeZonePlugin = definePlugin<readonly Topology[], never>({
  name: VOLUME_ZONE,
  preFilter(cycle) {
    const pod = cycle.pod;
    const volumes = pod.pod.spec.volumes;
    if (!Array.isArray(volumes) || volumes.length === 0) return SKIP_RESULT;
    const storage = cycle.cluster.storage;
    const topologies: Topology[] = [];
    for (const volume of volumes) {
      const pvc = isRecord(volume) ? volume.persistentVolumeClaim : undefined;
      if (!isRecord(pvc) || typeof pvc.claimName !== 'string') continue;
      const claim = storage.claims.get(`${pod.namespace}/${pvc.claimName}`);
      if (!claim || claim.volumeName === '') continue;
      const pv = storage.volumes.get(claim.volumeName);
      if (!pv) return { kind: 'reject', status: makeStatus(VOLUME_ZONE, 'UnschedulableAndUnresolvable', `persistentvolume "${claim.volumeName}" not found`) };
      for (const key of TOPOLOGY_LABELS) {
        const value = pv.labels[key];
        if (value !== undefined) topologies.push({ key, values: new Set(value.split('__')) });
      }
    }
    return topologies.length === 0 ? SKIP_RESULT : { kind: 'run', state: topologies };
  },
  filter(_cycle, topologies, node) {
    const labels = node.labels;
    if (!TOPOLOGY_LABELS.some((key) => labels[key] !== undefined)) return null;
    for (const { key, values } of topologies) {
      let value = labels[key];
      if (value === undefined && GA_TWIN[key] !== undefined) value = labels[GA_TWIN[key]];
      if (value === undefined || !values.has(value)) return NO_ZONE;
    }
    return null;
  },
});
