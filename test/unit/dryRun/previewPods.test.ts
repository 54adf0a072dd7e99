import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { podDetailsOf, previewPods } from '../../../server/src/dryRun/previewPods';
import type { Manifest } from '../../../server/src/simulator/model/source';

function node(name: string, cpu: string): Manifest {
  return {
    source: { file: 'cluster.yaml', document: 0, path: [] },
    object: { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, status: { allocatable: { cpu, memory: '8Gi', pods: '110' } } },
  };
}

function pod(name: string, cpu: string): Manifest {
  return {
    source: { file: 'pods.yaml', document: 0, path: [] },
    object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu } } }] } },
  };
}

// Three nodes, one too small: `fits` is scored on two nodes and rejected by one; `huge` is rejected by all three (6 entries).
const run = dryRun({ manifests: [pod('fits', '2'), pod('huge', '64')], cluster: [node('n1', '4'), node('n2', '4'), node('small', '1')], baseline: null });
const locate = () => null;

describe('previewPods: per-node details inline within the budget, left out past it', () => {
  it('within the budget every pod carries its filters and scores', () => {
    const pods = previewPods(run.simulation.pods, locate, 6);
    const fits = pods.find((p) => p.name === 'fits')!;
    assert.deepEqual(Object.keys(fits.filters), ['small']);
    assert.deepEqual(Object.keys(fits.scores).sort(), ['n1', 'n2']);
    assert.equal(fits.detailsOmitted, undefined);
    assert.equal(Object.keys(pods.find((p) => p.name === 'huge')!.filters).length, 3);
  });

  it('past the budget they are left out for every pod, with their counts and the chosen total', () => {
    const pods = previewPods(run.simulation.pods, locate, 5);
    const fits = pods.find((p) => p.name === 'fits')!;
    const huge = pods.find((p) => p.name === 'huge')!;
    assert.deepEqual([fits.filters, fits.scores, huge.filters, huge.scores], [{}, {}, {}, {}]);
    const details = podDetailsOf(run.simulation.pods.find((p) => p.pod.name === 'fits')!);
    assert.deepEqual(fits.detailsOmitted, { filters: 1, scores: 2, bestTotal: details.scores[fits.node!].total });
    assert.deepEqual(huge.detailsOmitted, { filters: 3, scores: 0, bestTotal: null });
  });

  it('podDetailsOf gives what the inline model carries', () => {
    const inline = previewPods(run.simulation.pods, locate, 6);
    for (const simulated of run.simulation.pods) {
      const details = podDetailsOf(simulated);
      const shown = inline.find((p) => `${p.namespace}/${p.name}` === details.pod)!;
      assert.deepEqual([details.filters, details.scores], [shown.filters, shown.scores]);
    }
  });
});

describe('previewPods: a pending pod carries its lead sentence', () => {
  it('the cause in plain words, beside the scheduler message kept verbatim', () => {
    const pods = previewPods(run.simulation.pods, locate);
    const huge = pods.find((p) => p.name === 'huge')!;
    assert.equal(huge.lead, 'asks 64 CPU; the largest node has 4 CPU allocatable - lower the request to at most 4 CPU');
    assert.match(huge.message, /^0\/3 nodes are available: 3 Insufficient cpu\./);
    assert.equal(pods.find((p) => p.name === 'fits')!.lead, undefined, 'a placed pod has none');
  });
});
