import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMatchingVolume } from '../../../../server/src/simulator/model/storage/matchVolume';
import { addStorageObject, emptyStorageObjects } from '../../../../server/src/simulator/model/storage/storageObjects';
import { claimCandidates, matchOnNode } from '../../../../server/src/simulator/model/storage/volumeCandidates';
import type { NodeView } from '../../../../server/src/simulator/model/nodeSelector';
import type { KubeObject } from '../../../../server/src/simulator/model/source';
import { pv, pvc } from '../storageBuilders';

// The indexed matcher must pick exactly what the plain scan (`findMatchingVolume`) picks, on every node.
const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const nodes: NodeView[] = [
  { name: 'a1', labels: { [HOST]: 'a1', [ZONE]: 'a', disk: 'ssd' } },
  { name: 'a2', labels: { [HOST]: 'a2', [ZONE]: 'a' } },
  { name: 'b1', labels: { [HOST]: 'b1', [ZONE]: 'b', disk: 'ssd' } },
  { name: 'bare', labels: {} },
];

function affinity(object: KubeObject, terms: unknown[]): KubeObject {
  return { ...object, spec: { ...(object.spec as object), nodeAffinity: { required: { nodeSelectorTerms: terms } } } };
}
const inTerm = (key: string, ...values: string[]) => ({ matchExpressions: [{ key, operator: 'In', values }] });

const volumes: KubeObject[] = [
  affinity(pv('host-a1', { size: '10Gi' }), [inTerm(HOST, 'a1')]),
  affinity(pv('host-b1', { size: '10Gi' }), [inTerm(HOST, 'b1')]),
  affinity(pv('zone-a-big', { size: '50Gi' }), [inTerm(ZONE, 'a')]),
  affinity(pv('zone-a-small', { size: '20Gi' }), [inTerm(ZONE, 'a')]),
  affinity(pv('zone-ab', { size: '20Gi' }), [inTerm(ZONE, 'a'), inTerm(ZONE, 'b')]),
  affinity(pv('zone-a-ssd', { size: '10Gi' }), [{ matchExpressions: [{ key: ZONE, operator: 'In', values: ['a'] }, { key: 'disk', operator: 'In', values: ['ssd'] }] }]),
  affinity(pv('not-b', { size: '30Gi' }), [{ matchExpressions: [{ key: ZONE, operator: 'NotIn', values: ['b'] }] }]),
  affinity(pv('empty-in', { size: '10Gi' }), [inTerm(ZONE)]),
  affinity(pv('no-terms', { size: '10Gi' }), []),
  pv('anywhere', { size: '40Gi' }),
  pv('same-size-b', { size: '40Gi' }),
  pv('rwx', { size: '10Gi', modes: ['ReadWriteMany'] }),
  pv('bound', { size: '10Gi', phase: 'Bound', claimRef: 'default/someone' }),
];

const cases: Array<{ name: string; claim: KubeObject; extra?: KubeObject[]; taken?: string[] }> = [
  { name: 'small claim', claim: pvc('c', { size: '5Gi' }) },
  { name: 'claim bigger than the local PVs', claim: pvc('c', { size: '15Gi' }) },
  { name: 'claim only the unconstrained PVs fit', claim: pvc('c', { size: '35Gi' }) },
  { name: 'with PVs taken by earlier claims of the pod', claim: pvc('c', { size: '5Gi' }), taken: ['host-a1', 'zone-a-ssd', 'empty-in', 'no-terms', 'rwx'] },
  { name: 'ReadWriteMany', claim: pvc('c', { modes: ['ReadWriteMany'] }) },
  { name: 'no PV of its class', claim: pvc('c', { cls: 'other' }) },
  { name: 'pre-bound PV on one zone wins or blocks', claim: pvc('c', { size: '5Gi' }), extra: [affinity(pv('pre', { size: '90Gi', claimRef: 'default/c' }), [inTerm(ZONE, 'b')])] },
];

describe('matchOnNode agrees with findMatchingVolume', () => {
  for (const c of cases) {
    it(c.name, () => {
      const storage = emptyStorageObjects();
      for (const object of [...volumes, ...(c.extra ?? []), c.claim]) addStorageObject(storage, object, 'default');
      const claim = [...storage.claims.values()][0];
      const taken = new Set(c.taken ?? []);
      const candidates = claimCandidates(claim, storage.volumes);
      for (const node of nodes) {
        const want = findMatchingVolume(claim, storage.volumes.values(), node, taken)?.name ?? null;
        assert.equal(matchOnNode(candidates, node, taken)?.name ?? null, want, node.name);
      }
    });
  }
});
