import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyClusterObjects, namespaceLabels } from '../../../../../server/src/simulator/model/clusterObjects';
import { interPodAffinityPlugin } from '../../../../../server/src/simulator/scheduler/plugins/interPodAffinity';
import { node, pod, type PodOptions } from '../../builders';
import { filterAll, scoreAll } from '../harness';

const AFFINITY = "node(s) didn't match pod affinity rules";
const ANTI = "node(s) didn't match pod anti-affinity rules";
const EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";
const term = (labels: Record<string, string>, topologyKey: string, extra: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: labels }, topologyKey, ...extra });
const withAffinity = (affinity: Record<string, unknown>, extra: PodOptions = {}) => pod({ name: 'p', ...extra, spec: { affinity } });
const nodes = [node({ name: 'n1', zone: 'a' }), node({ name: 'n2', zone: 'a' }), node({ name: 'n3', zone: 'b' })];
const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

describe('InterPodAffinity filter', () => {
  it('required affinity: only the zone of a matching pod', () => {
    const existing = [pod({ name: 'db', nodeName: 'n1', labels: { app: 'db' } })];
    const result = filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, ZONE)] } }));
    assert.deepEqual(result, { n1: null, n2: null, n3: AFFINITY });
  });
  it('the first pod of a self-affine group may go anywhere with the key', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, ZONE)] } };
    const result = filterAll(interPodAffinityPlugin, { nodes: [...nodes, node({ name: 'n4' })] }, withAffinity(affinity, { labels: { app: 'web' } }));
    assert.deepEqual(result, { n1: null, n2: null, n3: null, n4: AFFINITY });
  });
  it('… but not when it does not match its own terms', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, ZONE)] } };
    assert.deepEqual(filterAll(interPodAffinityPlugin, { nodes }, withAffinity(affinity, { labels: { app: 'web' } })), { n1: AFFINITY, n2: AFFINITY, n3: AFFINITY });
  });
  it('required anti-affinity per hostname', () => {
    const existing = [pod({ name: 'w', nodeName: 'n1', labels: { app: 'web' } })];
    const result = filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, HOST)] } }));
    assert.deepEqual(result, { n1: ANTI, n2: null, n3: null });
  });
  it('anti-affinity per zone keeps the whole zone free; a node without the key passes', () => {
    const existing = [pod({ name: 'w', nodeName: 'n1', labels: { app: 'web' } })];
    const result = filterAll(interPodAffinityPlugin, { nodes: [...nodes, node({ name: 'n4' })], existing }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, ZONE)] } }));
    assert.deepEqual(result, { n1: ANTI, n2: ANTI, n3: null, n4: null });
  });
  it('existing pods\' anti-affinity blocks a pod without any affinity (symmetry)', () => {
    const guard = pod({ name: 'g', nodeName: 'n1', labels: { app: 'guard' }, spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, ZONE)] } } } });
    const result = filterAll(interPodAffinityPlugin, { nodes, existing: [guard] }, pod({ name: 'p', labels: { app: 'web' } }));
    assert.deepEqual(result, { n1: EXISTING, n2: EXISTING, n3: null });
  });
  it('a term without namespaces only sees its own namespace', () => {
    const existing = [pod({ name: 'w', namespace: 'other', nodeName: 'n1', labels: { app: 'web' } })];
    const result = filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, HOST)] } }));
    assert.deepEqual(result, { n1: null, n2: null, n3: null });
  });
  it('namespaceSelector {} covers every namespace; a labelled one only matching namespaces', () => {
    const existing = [pod({ name: 'w', namespace: 'other', nodeName: 'n1', labels: { app: 'web' } })];
    const all = filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, HOST, { namespaceSelector: {} })] } }));
    assert.equal(all.n1, ANTI);
    const objects = emptyClusterObjects();
    objects.namespaces.set('other', namespaceLabels('other', { team: 'red' }));
    const red = filterAll(interPodAffinityPlugin, { nodes, existing, objects }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, HOST, { namespaceSelector: { matchLabels: { team: 'red' } } })] } }));
    assert.equal(red.n1, ANTI);
    const blue = filterAll(interPodAffinityPlugin, { nodes, existing, objects }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, HOST, { namespaceSelector: { matchLabels: { team: 'blue' } } })] } }));
    assert.equal(blue.n1, null);
  });
  it('a null labelSelector matches no pod', () => {
    const existing = [pod({ name: 'w', nodeName: 'n1', labels: { app: 'web' } })];
    const result = filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: HOST }] } }));
    assert.equal(result.n1, null);
  });
  it('mismatchLabelKeys excludes pods with the same value', () => {
    const existing = [pod({ name: 'w', nodeName: 'n1', labels: { app: 'web', tenant: 'a' } })];
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, HOST, { mismatchLabelKeys: ['tenant'] })] } };
    assert.equal(filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity(anti, { labels: { tenant: 'a' } })).n1, null);
    assert.equal(filterAll(interPodAffinityPlugin, { nodes, existing }, withAffinity(anti, { labels: { tenant: 'b' } })).n1, ANTI);
  });
});

describe('InterPodAffinity score', () => {
  const regions = ['China', 'India', 'China', 'China', 'India'].map((region, i) => node({ name: `node${i + 1}`, labels: { region } }));
  it('nodes in one region have more matching pods (China 100, India 0)', () => {
    const s2 = (nodeName: string, i: number) => pod({ name: `s2-${i}`, nodeName, labels: { security: 'S2' } });
    const existing = [s2('node1', 0), s2('node1', 1), s2('node3', 2), s2('node4', 3), s2('node2', 4), s2('node5', 5)];
    const affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 6, podAffinityTerm: term({ security: 'S2' }, 'region') }] } };
    assert.deepEqual(scoreAll(interPodAffinityPlugin, { nodes: regions, existing }, withAffinity(affinity)), { node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 });
  });
  it('preferred anti-affinity pushes away (the lowest node gets 0)', () => {
    const existing = [pod({ name: 'w', nodeName: 'node1', labels: { app: 'web' } })];
    const affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'web' }, 'region') }] } };
    assert.deepEqual(scoreAll(interPodAffinityPlugin, { nodes: regions, existing }, withAffinity(affinity)), { node1: 0, node2: 100, node3: 0, node4: 0, node5: 100 });
  });
  it('an existing pod\'s required affinity attracts the pods it selects (hard weight 1)', () => {
    const existing = [pod({ name: 'c', nodeName: 'node2', labels: { app: 'cache' }, spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, 'region')] } } } })];
    assert.deepEqual(scoreAll(interPodAffinityPlugin, { nodes: regions, existing }, pod({ name: 'p', labels: { app: 'web' } })), { node1: 0, node2: 100, node3: 0, node4: 0, node5: 100 });
  });
  it('nothing matches: skipped', () => {
    assert.equal(scoreAll(interPodAffinityPlugin, { nodes: regions }, pod()), 'skip');
  });
});
