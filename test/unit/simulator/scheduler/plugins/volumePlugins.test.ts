import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../../../server/src/simulator/model/source';
import { nodeVolumeLimitsPlugin } from '../../../../../server/src/simulator/scheduler/plugins/nodeVolumeLimits';
import { volumeRestrictionsPlugin } from '../../../../../server/src/simulator/scheduler/plugins/volumeRestrictions';
import { volumeZonePlugin } from '../../../../../server/src/simulator/scheduler/plugins/volumeZone';
import { node, pod } from '../../builders';
import { claimVolumes, csiNode, objects, pv, pvc, storageClass, ZONE } from '../../storageBuilders';
import { filterAll } from '../harness';

// Scenarios after upstream's volumerestrictions, nodevolumelimits (csi_test.go) and volumezone tests (own fixtures).
const local = storageClass('local', { provisioner: 'kubernetes.io/no-provisioner' });
const bound = (claim: string, volume: string, o: Parameters<typeof pv>[1] = {}): KubeObject[] => [pv(volume, { ...o, claimRef: `default/${claim}`, phase: 'Bound' }), pvc(claim, { volumeName: volume, bound: true, modes: o.modes })];

describe('VolumeZone filter', () => {
  const NO_ZONE = 'node(s) had no available volume zone';
  const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
  const REGION = 'topology.kubernetes.io/region';
  const nodes = [node({ name: 'a1', zone: 'a' }), node({ name: 'b1', zone: 'b' }), node({ name: 'plain' }), node({ name: 'beta', labels: { [BETA_ZONE]: 'a' } }), node({ name: 'ab', zone: 'a', labels: { [REGION]: 'r' } })];
  const cases: Array<{ name: string; labels: Record<string, string>; want: Record<string, string | null> }> = [
    { name: 'GA zone label: same zone only; a node without zone labels passes; a beta-only node does not', labels: { [ZONE]: 'a' }, want: { a1: null, b1: NO_ZONE, plain: null, beta: NO_ZONE, ab: null } },
    { name: 'beta label on the PV accepts the GA label of the node', labels: { [BETA_ZONE]: 'a' }, want: { a1: null, b1: NO_ZONE, plain: null, beta: null, ab: null } },
    { name: 'several zones joined by __', labels: { [ZONE]: 'a__b' }, want: { a1: null, b1: null, plain: null, beta: NO_ZONE, ab: null } },
    { name: 'zone and region: a node with only the zone is rejected', labels: { [ZONE]: 'a', [REGION]: 'r' }, want: { a1: NO_ZONE, b1: NO_ZONE, plain: null, beta: NO_ZONE, ab: null } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const store = objects(local, ...bound('c', 'v', { labels: c.labels }));
      assert.deepEqual(filterAll(volumeZonePlugin, { nodes, objects: store }, pod({ name: 'p', spec: claimVolumes('c') })), c.want);
    });
  }
  it('a claim naming a missing PV rejects the pod', () => {
    const result = filterAll(volumeZonePlugin, { nodes: [node({ name: 'a1', zone: 'a' })], objects: objects(local, pvc('c', { volumeName: 'gone', bound: true })) }, pod({ name: 'p', spec: claimVolumes('c') }));
    assert.deepEqual(result, { a1: 'persistentvolume "gone" not found' });
  });
});

describe('VolumeRestrictions filter', () => {
  const RWOP = 'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod';
  const nodes = [node({ name: 'n1' }), node({ name: 'n2' })];
  it('a ReadWriteOncePod claim in use rejects every node', () => {
    const store = objects(local, ...bound('c', 'v', { modes: ['ReadWriteOncePod'] }));
    const existing = [pod({ name: 'user', nodeName: 'n1', spec: claimVolumes('c') })];
    assert.deepEqual(filterAll(volumeRestrictionsPlugin, { nodes, existing, objects: store }, pod({ name: 'p', spec: claimVolumes('c') })), { n1: RWOP, n2: RWOP });
  });
  it('ReadWriteOnce never conflicts here', () => {
    const store = objects(local, ...bound('c', 'v'));
    const existing = [pod({ name: 'user', nodeName: 'n1', spec: claimVolumes('c') })];
    assert.deepEqual(filterAll(volumeRestrictionsPlugin, { nodes, existing, objects: store }, pod({ name: 'p', spec: claimVolumes('c') })), { n1: null, n2: null });
  });
  it('a missing claim is reported here first', () => {
    assert.deepEqual(filterAll(volumeRestrictionsPlugin, { nodes, objects: objects() }, pod({ name: 'p', spec: claimVolumes('c') })), { n1: 'persistentvolumeclaim "c" not found', n2: 'persistentvolumeclaim "c" not found' });
  });
  const gce = (readOnly: boolean) => ({ volumes: [{ name: 'd', gcePersistentDisk: { pdName: 'disk', readOnly } }] });
  const ebs = { volumes: [{ name: 'd', awsElasticBlockStore: { volumeID: 'vol-1', readOnly: true } }] };
  const diskCases = [
    { name: 'same GCE PD: conflict', mine: gce(false), theirs: gce(false), want: 'node(s) had no available disk' },
    { name: 'same GCE PD, both read-only: fine', mine: gce(true), theirs: gce(true), want: null },
    { name: 'same EBS volume: conflict even read-only', mine: ebs, theirs: ebs, want: 'node(s) had no available disk' },
  ];
  for (const c of diskCases) {
    it(c.name, () => {
      const existing = [pod({ name: 'user', nodeName: 'n1', spec: c.theirs })];
      assert.deepEqual(filterAll(volumeRestrictionsPlugin, { nodes, existing }, pod({ name: 'p', spec: c.mine })), { n1: c.want, n2: null });
    });
  }
});

describe('NodeVolumeLimits filter', () => {
  const EXCEEDED = 'node(s) exceed max volume count';
  const DRIVER = 'ebs.csi.aws.com';
  const nodes = [node({ name: 'n1' }), node({ name: 'n2' })];
  const sc = storageClass('gp3', { provisioner: DRIVER });
  const existing = [pod({ name: 'user', nodeName: 'n1', spec: claimVolumes('old') })];
  const cases: Array<{ name: string; limit: number; claims: string[]; want: Record<string, string | null> }> = [
    { name: 'at the limit: the new volume does not fit', limit: 1, claims: ['new'], want: { n1: EXCEEDED, n2: null } },
    { name: 'under the limit', limit: 2, claims: ['new'], want: { n1: null, n2: null } },
    { name: 'a volume already attached is not counted again', limit: 1, claims: ['old'], want: { n1: null, n2: null } },
    { name: 'count 0 is a limit of 0', limit: 0, claims: ['new'], want: { n1: EXCEEDED, n2: null } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const store = objects(sc, ...bound('old', 'v-old', { cls: 'gp3', csi: DRIVER }), pvc('new', { cls: 'gp3' }), csiNode('n1', DRIVER, c.limit));
      assert.deepEqual(filterAll(nodeVolumeLimitsPlugin, { nodes, existing, objects: store }, pod({ name: 'p', spec: claimVolumes(...c.claims) })), c.want);
    });
  }
  it('a non-CSI PV is not counted', () => {
    const store = objects(local, ...bound('c', 'v'), csiNode('n1', DRIVER, 0));
    assert.deepEqual(filterAll(nodeVolumeLimitsPlugin, { nodes, objects: store }, pod({ name: 'p', spec: claimVolumes('c') })), { n1: null, n2: null });
  });
});
