import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { previewModel, type PreviewContext } from '../../../server/src/dryRun/previewModel';
import type { PreviewNode } from '../../../server/src/protocol/preview';
import type { Manifest } from '../../../server/src/simulator/model/source';

const context: PreviewContext = { uri: null, scope: 'file', kubernetesVersion: '1.36', neverReady: false, locate: () => null, diagnostics: [] };

const node = (status: Record<string, unknown>): Manifest => ({
  source: { file: 'cluster.yaml', document: 0, path: [] },
  object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, ...status } },
});

describe('previewModel: a node\'s status.conditions reach the preview verbatim (the node details show them)', () => {
  const cases: Array<{ name: string; conditions: unknown; expected: PreviewNode['conditions']; ready: boolean | null }> = [
    {
      name: 'as kubectl prints them, with reason and message',
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: '2026-01-01T00:00:00Z' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady' },
      ],
      expected: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady' },
      ],
      ready: true,
    },
    { name: 'entries without a type or status are skipped', conditions: [{ type: 'Ready' }, { status: 'True' }, 'Ready', { type: 'DiskPressure', status: 'Unknown', reason: 7 }], expected: [{ type: 'DiskPressure', status: 'Unknown' }], ready: false },
    { name: 'none written: no conditions field', conditions: undefined, expected: undefined, ready: null },
  ];
  for (const { name, conditions, expected, ready } of cases) {
    it(name, () => {
      const model = previewModel(dryRun({ manifests: [], cluster: [node(conditions === undefined ? {} : { conditions })], baseline: null }), context);
      assert.deepEqual(model.simulation.nodes[0].conditions, expected);
      assert.equal('conditions' in model.simulation.nodes[0], expected !== undefined);
      assert.equal(model.simulation.nodes[0].ready, ready);
    });
  }
});
