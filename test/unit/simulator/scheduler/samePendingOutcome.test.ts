import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addClusterObject, emptyClusterObjects } from '../../../../server/src/simulator/model/clusterObjects';
import type { SimNode } from '../../../../server/src/simulator/model/node';
import type { PodPlacement } from '../../../../server/src/simulator/scheduler/runtime/placement';
import { SamePendingOutcome } from '../../../../server/src/simulator/scheduler/runtime/samePendingOutcome';
import { scheduleOne } from '../../../../server/src/simulator/scheduler/runtime/scheduleOne';
import { newSchedulerState } from '../../../../server/src/simulator/scheduler/runtime/schedulerState';
import { runSchedulingQueue } from '../../../../server/src/simulator/scheduler/runtime/schedulingQueue';
import { expandWorkloads } from '../../../../server/src/simulator/workloads/expandWorkloads';
import { node } from '../builders';
import { manifests } from '../yaml';

/** A Deployment of `replicas` pods asking `cpu` each, with extra pod spec lines (indented for the pod spec). */
function deployment(name: string, replicas: number, cpu: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: main, image: app:1, resources: {requests: {cpu: "${cpu}"}}}]
${extra}`;
}

const nodes: SimNode[] = [node({ name: 'a', cpu: '2', zone: 'z1' }), node({ name: 'b', cpu: '2', zone: 'z2' }), node({ name: 'c', cpu: '4', taints: [{ key: 'dedicated' }] })];
const antiAffinity = '      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: spread}}}]}}\n';
const spread = '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: zoned}}}]\n';

const cases: Array<{ name: string; yaml: string[] }> = [
  { name: 'replicas that fit nowhere, then one that fits, then more that fit nowhere', yaml: [deployment('huge', 3, '3'), deployment('small', 2, '500m'), deployment('big', 3, '1800m')] },
  { name: 'required anti-affinity: the third replica and later ones stay Pending', yaml: [deployment('spread', 5, '100m', antiAffinity)] },
  { name: 'zone spreading: pods placed between pending ones change the counts', yaml: [deployment('zoned', 7, '400m', spread), deployment('filler', 2, '1')] },
  { name: 'a toleration makes the tainted node feasible for some', yaml: [deployment('tolerant', 3, '3', '      tolerations: [{key: dedicated, operator: Exists}]\n'), deployment('huge', 2, '3')] },
];

/** What a placement says, as published (getters read). */
function said(placement: PodPlacement): unknown {
  return {
    status: placement.status,
    node: placement.node,
    reason: placement.reason,
    message: placement.message,
    failed: placement.filters.nodes,
    statuses: placement.filters.statuses.map((status) => JSON.stringify(status)),
    evaluated: placement.evaluatedNodes,
    feasible: placement.feasibleNodes,
    preemption: placement.preemption,
  };
}

for (const { name, yaml } of cases) {
  test(`same pending outcome: ${name} — the queue says what one cycle per pod says`, () => {
    const objects = emptyClusterObjects();
    const ms = manifests(yaml.join('---\n'));
    for (const m of ms) addClusterObject(objects, m);
    const pods = expandWorkloads(ms, { nodes, objects, maxPodsPerWorkload: 100, maxPodsTotal: 1000 }).workloads.flatMap((w) => w.pods);
    const run = runSchedulingQueue(newSchedulerState(nodes, [], { objects }), pods.map((pod, order) => ({ pod, order })));
    const reference = newSchedulerState(nodes, [], { objects });
    for (const pod of pods) assert.deepEqual(said(run.placements.get(pod.key)!), said(scheduleOne(reference, pod)), pod.key);
    assert.ok(pods.some((pod) => run.placements.get(pod.key)!.status === 'Pending'), 'the case has Pending pods');
  });
}

test('same pending outcome: replicas queued apart, a pod bound between them changes why the later one stays Pending', () => {
  const withHostPort = (yaml: string) => yaml.replace(/resources: \{requests: \{cpu: "([^"]+)"\}\}\}\]/, 'resources: {requests: {cpu: "$1"}}, ports: [{containerPort: 80, hostPort: 80}]}]');
  const objects = emptyClusterObjects();
  const [huge, web] = [manifests(withHostPort(deployment('huge', 2, '3'))), manifests(withHostPort(deployment('web', 1, '100m')), 'web.yaml')];
  for (const m of [...huge, ...web]) addClusterObject(objects, m);
  const expand = (ms: typeof huge) => expandWorkloads(ms, { nodes, objects, maxPodsPerWorkload: 100, maxPodsTotal: 1000 }).workloads[0].pods;
  const [[huge0, huge1], [web0]] = [expand(huge), expand(web)];
  const queue = [huge0, web0, huge1];
  const run = runSchedulingQueue(newSchedulerState(nodes, [], { objects }), queue.map((pod, order) => ({ pod, order })));
  assert.equal(run.placements.get(web0.key)!.status, 'Scheduled');
  assert.notEqual(run.placements.get(huge1.key)!.message, run.placements.get(huge0.key)!.message, 'the web pod holds host port 80 on its node now');
  const reference = newSchedulerState(nodes, [], { objects });
  for (const pod of queue) assert.deepEqual(said(run.placements.get(pod.key)!), said(scheduleOne(reference, pod)), pod.key);
});

test('same pending outcome: found for a replica of the same template, not after the cluster changed, not for another template', () => {
  const objects = emptyClusterObjects();
  const ms = manifests([deployment('huge', 2, '3'), deployment('other', 1, '3')].join('---\n'));
  const [first, second, other] = expandWorkloads(ms, { nodes, objects, maxPodsPerWorkload: 100, maxPodsTotal: 1000 }).workloads.flatMap((w) => w.pods);
  const state = newSchedulerState(nodes, [], { objects });
  const outcomes = new SamePendingOutcome();
  const placement = scheduleOne(state, first);
  outcomes.remember(first, placement);
  assert.deepEqual(outcomes.find(second), { ...placement, podKey: second.key });
  assert.equal(outcomes.find(other), undefined, 'another template: computed');
  outcomes.clusterChanged();
  assert.equal(outcomes.find(second), undefined, 'after a bind or an eviction: computed');
});
