import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../../../server/src/simulator/model/source';
import { volumeBindingPlugin } from '../../../../../server/src/simulator/scheduler/plugins/volumeBinding';
import { node, pod } from '../../builders';
import { claimVolumes, objects, pv, pvc, storageClass } from '../../storageBuilders';
import { filterAll, schedule } from '../harness';

// Scenarios after upstream's volumebinding/volume_binding_test.go and binder_test.go (own fixtures).
const NODE_CONFLICT = 'node(s) had volume node affinity conflict';
const BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
const nodes = [node({ name: 'a1', zone: 'a' }), node({ name: 'b1', zone: 'b' })];
const local = storageClass('local', { provisioner: 'kubernetes.io/no-provisioner' });
const withClaims = (...claims: string[]) => pod({ name: 'p', spec: claimVolumes(...claims) });

const cases: Array<{ name: string; store: KubeObject[]; claims: string[]; want: Record<string, string | null> }> = [
  { name: 'no claims: Skip', store: [], claims: [], want: { a1: null, b1: null } },
  { name: 'claim does not exist', store: [], claims: ['c'], want: { a1: 'persistentvolumeclaim "c" not found', b1: 'persistentvolumeclaim "c" not found' } },
  {
    name: 'immediate claims not bound (no PV, no provisioner)',
    store: [storageClass('imm', { provisioner: 'kubernetes.io/no-provisioner', wffc: false }), pvc('c', { cls: 'imm' })],
    claims: ['c'],
    want: { a1: 'pod has unbound immediate PersistentVolumeClaims', b1: 'pod has unbound immediate PersistentVolumeClaims' },
  },
  {
    name: 'bound claim: the PV node affinity decides',
    store: [local, pv('pv-a', { affinityZone: 'a', claimRef: 'default/c', phase: 'Bound' }), pvc('c', { volumeName: 'pv-a', bound: true })],
    claims: ['c'],
    want: { a1: null, b1: NODE_CONFLICT },
  },
  {
    name: 'bound claim whose PV is gone',
    store: [local, pvc('c', { volumeName: 'gone', bound: true })],
    claims: ['c'],
    want: { a1: 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)', b1: 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)' },
  },
  { name: 'WaitForFirstConsumer: only where a PV matches', store: [local, pv('pv-a', { affinityZone: 'a' }), pvc('c')], claims: ['c'], want: { a1: null, b1: BIND_CONFLICT } },
  { name: 'PV too small', store: [local, pv('pv-a', { affinityZone: 'a', size: '1Gi' }), pvc('c')], claims: ['c'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
  { name: '10G is less than 10Gi', store: [local, pv('pv-a', { size: '10G' }), pvc('c', { size: '10Gi' })], claims: ['c'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
  { name: 'access modes must all be offered', store: [local, pv('pv-a', { modes: ['ReadWriteOnce'] }), pvc('c', { modes: ['ReadWriteMany'] })], claims: ['c'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
  { name: 'PV of another class is never looked at', store: [local, storageClass('other'), pv('pv-a', { cls: 'other' }), pvc('c')], claims: ['c'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
  { name: 'selector on PV labels', store: [local, pv('pv-a', { labels: { tier: 'gold' } }), pvc('c', { selector: { matchLabels: { tier: 'silver' } } })], claims: ['c'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
  { name: 'a PV taken by another claim', store: [local, pv('pv-a', { claimRef: 'default/other' }), pvc('c')], claims: ['c'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
  { name: 'dynamic provisioning limited by allowedTopologies', store: [storageClass('local', { zones: ['b'] }), pvc('c')], claims: ['c'], want: { a1: BIND_CONFLICT, b1: null } },
  {
    name: 'bound and unbound unsatisfied: both reasons',
    store: [local, pv('pv-a', { affinityZone: 'a', claimRef: 'default/c1', phase: 'Bound' }), pvc('c1', { volumeName: 'pv-a', bound: true }), pv('pv-x', { affinityZone: 'a' }), pvc('c2')],
    claims: ['c1', 'c2'],
    want: { a1: null, b1: `${NODE_CONFLICT}, ${BIND_CONFLICT}` },
  },
  { name: 'two claims cannot take one PV', store: [local, pv('pv-a'), pvc('c1'), pvc('c2')], claims: ['c1', 'c2'], want: { a1: BIND_CONFLICT, b1: BIND_CONFLICT } },
];

describe('VolumeBinding filter', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(filterAll(volumeBindingPlugin, { nodes, objects: objects(...c.store) }, withClaims(...c.claims)), c.want);
    });
  }
});

describe('VolumeBinding reserve', () => {
  it('the smallest PV that fits is bound, and the next pod sees it taken', () => {
    const store = objects(local, pv('big', { size: '100Gi' }), pv('small', { size: '6Gi' }), pv('tiny', { size: '1Gi' }), pvc('c'));
    const { state, placement } = schedule({ nodes, objects: store }, withClaims('c'));
    assert.equal(placement.status, 'Scheduled');
    assert.equal(state.storage.claims.get('default/c')?.volumeName, 'small');
    assert.equal(state.storage.volumes.get('small')?.claimRef, 'default/c');
    assert.equal(store.storage.volumes.get('small')?.claimRef, null, 'the input objects are not mutated');
  });
  it('a provisioned volume is reachable only from the chosen node', () => {
    const store = objects(storageClass('local'), pvc('c'));
    const { state, placement } = schedule({ nodes, objects: store }, withClaims('c'));
    const bound = state.storage.claims.get('default/c')!;
    assert.equal(bound.volumeName, 'pvc-default-c');
    assert.equal(state.storage.volumes.get(bound.volumeName)?.provisionedFor, placement.node);
  });
  it('an unset class takes the default class (admission)', () => {
    const store = objects(storageClass('std', { isDefault: true }), pvc('c', { cls: null }));
    const { state } = schedule({ nodes, objects: store }, withClaims('c'));
    assert.equal(state.storage.claims.get('default/c')?.storageClassName, 'std');
    assert.equal(state.storage.claims.get('default/c')?.bound, true);
  });
});
