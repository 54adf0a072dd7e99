import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whatIfDryRun } from '../../../../server/src/dryRun/whatIfDryRun';
import type { TimelineEntry, WhatIfEvent } from '../../../../server/src/simulator/lifecycle/timeline';
import { parseWhatIfEvent } from '../../../../server/src/simulator/lifecycle/parseEvent';
import { MAX_INSTANTS } from '../../../../server/src/simulator/lifecycle/whatIf';
import { manifests } from '../yaml';

/** Nodes `name@zone` (4 cpu each), as a cluster profile. */
function cluster(...nodes: string[]): string {
  return nodes
    .map((spec) => {
      const [name, zone] = spec.split('@');
      return `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}, topology.kubernetes.io/region: r, topology.kubernetes.io/zone: ${zone ?? 'a'}}}
status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}, conditions: [{type: Ready, status: "True"}]}`;
    })
    .join('\n---\n');
}

function deployment(name: string, replicas: number, extra = '', nodeName?: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      ${nodeName ? `nodeSelector: {kubernetes.io/hostname: ${nodeName}}` : ''}
      containers: [{name: c, image: nginx, resources: {requests: {cpu: 100m}}${extra}}]
`;
}

function run(clusterText: string, manifestText: string, events: string[], until?: number) {
  const parsed = events.map((e) => parseWhatIfEvent(e) as WhatIfEvent);
  return whatIfDryRun({ manifests: manifests(manifestText), cluster: manifests(clusterText, 'cluster.yaml'), events: parsed, until });
}

/** `at type subject` lines of the timeline, for compact comparisons. */
function lines(timeline: readonly TimelineEntry[], filter: (e: TimelineEntry) => boolean = () => true): string[] {
  return timeline.filter(filter).map((e) => {
    const subject = 'pod' in e ? e.pod : 'node' in e ? e.node : '';
    const extra = e.type === 'TaintAdded' || e.type === 'TaintRemoved' ? ` ${e.taint}` : e.type === 'PodEvicted' ? ` ${e.reason}` : e.type === 'PodScheduled' ? ` → ${e.node}` : e.type === 'EndpointAdded' || e.type === 'EndpointRemoved' ? ` ${e.service}` : '';
    return `${e.at} ${e.type} ${subject}${extra}`;
  });
}

const notSystem = (e: TimelineEntry): boolean => !('pod' in e) || !e.pod.startsWith('kube-system/');

describe('node-down: grace period, taints, MarkPodsNotReady (§2, §3)', () => {
  it('Ready goes Unknown 50 s after the kubelet stops; the pods lose Ready and leave the endpoints; the NoExecute taint lands in the same pass', () => {
    const text = `${deployment('web', 1, '', 'n1')}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
    const result = run(cluster('n1', 'n2'), text, ['node-down:n1@10'], 100);
    const pod = result.whatIf.pods.find((p) => p.pod.name.startsWith('web-'))!.pod.key;
    assert.deepEqual(lines(result.whatIf.timeline, notSystem), [
      '60 NodeNotReady n1',
      '60 TaintAdded n1 node.kubernetes.io/unreachable:NoSchedule',
      `60 PodNotReady ${pod}`,
      `60 EndpointRemoved ${pod} default/web`,
      '60 TaintAdded n1 node.kubernetes.io/unreachable:NoExecute',
    ]);
  });

  it('a kubelet back before the grace period ends changes nothing', () => {
    const result = run(cluster('n1', 'n2'), deployment('web', 2), ['node-down:n1', 'node-up:n1@45']);
    assert.deepEqual(result.whatIf.timeline, []);
  });
});

describe('taint-based eviction and replacements (§4–§6)', () => {
  it('300 s of DefaultTolerationSeconds, then the ReplicaSet replaces at once through the scheduler', () => {
    const result = run(cluster('n1', 'n2'), deployment('web', 1, '', undefined), ['node-down:n1']);
    const first = result.start.simulation.pods.find((p) => p.pod.name.startsWith('web-'))!;
    const down = first.placement.node!;
    const again = run(cluster('n1', 'n2'), deployment('web', 1), [`node-down:${down}`]);
    const web = lines(again.whatIf.timeline, (e) => 'pod' in e && e.pod.startsWith('default/web-'));
    assert.equal(web[0], `50 PodNotReady ${first.pod.key}`);
    assert.equal(web[1], `350 PodEvicted ${first.pod.key} DeletionByTaintManager`);
    assert.match(web[2], /^350 PodCreated default\/web-/);
    assert.match(web[3], new RegExp(`^350 PodScheduled default/web-[\\w-]+ → ${down === 'n1' ? 'n2' : 'n1'}$`));
    assert.match(web[4], /^350 PodReady default\/web-/);
    const created = again.whatIf.timeline.find((e) => e.type === 'PodCreated');
    assert.equal(created?.type === 'PodCreated' && created.owner, `ReplicaSet default/${first.pod.owner!.name}`);
    // The evicted pod stays Terminating on the unreachable node.
    assert.ok(again.terminating.has(first.pod.key));
  });

  it('the pod\'s own toleration decides (30 s), and readiness waits for the probe', () => {
    const text = deployment('web', 1, ', readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 12, periodSeconds: 5}', 'n1');
    // Preferred (not required) to n1, so that the replacement may go to n2; tolerating unreachable for 30 s.
    const withToleration = text
      .replace('      containers:', '      tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]\n      containers:')
      .replace('nodeSelector: {kubernetes.io/hostname: n1}', 'affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [n1]}]}}]}}');
    const result = run(cluster('n1', 'n2'), withToleration, ['node-down:n1']);
    const web = lines(result.whatIf.timeline, (e) => 'pod' in e && e.pod.startsWith('default/web-'));
    assert.match(web[1], /^80 PodEvicted .* DeletionByTaintManager$/);
    assert.match(web[3], /^80 PodScheduled .* → n2$/);
    assert.match(web[4], /^95 PodReady /);
  });

  it('DaemonSet pods lose Ready with the node but are never evicted nor replaced', () => {
    const text = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: agent}]}
`;
    const result = run(cluster('n1', 'n2'), text, ['node-down:n1'], 3600);
    const agent = lines(result.whatIf.timeline, (e) => 'pod' in e && e.pod.startsWith('default/agent-'));
    assert.equal(agent.length, 1);
    assert.match(agent[0], /^50 PodNotReady /);
    assert.equal(result.final.pods.filter((p) => p.pod.name.startsWith('agent-')).length, 2);
  });

  it('a StatefulSet waits for the pod to be gone: one short until the node returns, then the same name', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: db}}}]}}
      containers: [{name: db, image: postgres}]
`;
    const start = run(cluster('n1', 'n2', 'n3'), text, ['node-down:n1'], 1000);
    const onN1 = start.start.simulation.pods.find((p) => p.placement.node === 'n1' && p.pod.name.startsWith('db-'))!.pod.key;
    const db = lines(start.whatIf.timeline, (e) => 'pod' in e && e.pod.startsWith('default/db-'));
    assert.deepEqual(db, [`50 PodNotReady ${onN1}`, `350 PodEvicted ${onN1} DeletionByTaintManager`]);
    assert.ok(start.terminating.has(onN1));
    assert.equal(start.verdicts.find((v) => v.name === 'db')?.below?.to, null);
    const back = run(cluster('n1', 'n2', 'n3'), text, ['node-down:n1', 'node-up:n1@900']);
    assert.deepEqual(lines(back.whatIf.timeline, (e) => e.at === 900 && 'pod' in e && e.pod.startsWith('default/db-')).slice(0, 3), [
      `900 PodDeleted ${onN1}`,
      `900 PodCreated ${onN1}`,
      `900 PodScheduled ${onN1} → n1`,
    ]);
  });

  it('a replacement with nowhere to go is Pending with the scheduler\'s message', () => {
    const text = deployment('web', 2, '').replace('cpu: 100m', 'cpu: "3"');
    const result = run(cluster('n1', 'n2'), text, ['node-down:n1']);
    const pending = result.whatIf.timeline.find((e) => e.type === 'PodPending');
    assert.equal(pending?.at, 350);
    assert.match(pending?.type === 'PodPending' ? pending.message : '', /^0\/2 nodes are available: .*Insufficient cpu/);
  });
});

describe('NoExecute tainting per zone (§3)', () => {
  it('Normal zone: the first node at once, the next 10 s later', () => {
    const result = run(cluster('n1@a', 'n2@a', 'n3@a', 'n4@a', 'n5@a', 'n6@a'), deployment('web', 1), ['node-down:n1', 'node-down:n2'], 200);
    assert.deepEqual(lines(result.whatIf.timeline, (e) => e.type === 'TaintAdded' && e.taint.endsWith('NoExecute')), [
      '50 TaintAdded n1 node.kubernetes.io/unreachable:NoExecute',
      '60 TaintAdded n2 node.kubernetes.io/unreachable:NoExecute',
    ]);
  });

  it('PartialDisruption in a small zone (3 of 4 not ready): no NoExecute taint, so no eviction', () => {
    const result = run(cluster('n1@a', 'n2@a', 'n3@a', 'n4@a', 'n5@b'), deployment('web', 4), ['node-down:n1', 'node-down:n2', 'node-down:n3'], 3600);
    assert.equal(result.whatIf.timeline.filter((e) => e.type === 'TaintAdded' && e.taint.endsWith('NoExecute')).length, 0);
    assert.equal(result.whatIf.timeline.filter((e) => e.type === 'PodEvicted').length, 0);
    assert.equal(result.whatIf.timeline.filter((e) => e.type === 'NodeNotReady').length, 3);
  });

  it('FullDisruption of a one-node zone while others are healthy: tainted at the normal rate', () => {
    const result = run(cluster('n1@a', 'n2@b'), deployment('web', 1), ['node-down:n1'], 100);
    assert.ok(result.whatIf.timeline.some((e) => e.type === 'TaintAdded' && e.node === 'n1' && e.taint.endsWith('NoExecute') && e.at === 50));
  });

  it('every zone fully disrupted: nothing is tainted NoExecute', () => {
    const result = run(cluster('n1@a', 'n2@b'), deployment('web', 1), ['node-down:n1', 'node-down:n2'], 3600);
    assert.equal(result.whatIf.timeline.filter((e) => e.type === 'TaintAdded' && e.taint.endsWith('NoExecute')).length, 0);
  });
});

describe('every zone fully disrupted (§3): markNodeAsReachable', () => {
  it('the NoExecute taint already added goes, its evictions are cancelled, and come back when a zone recovers', () => {
    const text = deployment('web', 1, '', 'n1').replace('nodeSelector: {kubernetes.io/hostname: n1}', 'affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [n1]}]}}]}}');
    const result = run(cluster('n1@a', 'n2@b'), text, ['node-down:n1', 'node-down:n2@100', 'node-up:n2@400'], 800);
    const noExecute = (e: TimelineEntry): boolean => (e.type === 'TaintAdded' || e.type === 'TaintRemoved' || e.type === 'PodEvicted') && (!('taint' in e) || e.taint.endsWith('NoExecute'));
    const web = lines(result.whatIf.timeline, noExecute).map((l) => l.replace(/default\/web-[\w-]+/, 'WEB'));
    assert.deepEqual(web, [
      '50 TaintAdded n1 node.kubernetes.io/unreachable:NoExecute',
      '150 TaintRemoved n1 node.kubernetes.io/unreachable:NoExecute',
      '400 TaintAdded n1 node.kubernetes.io/unreachable:NoExecute',
      '700 PodEvicted WEB DeletionByTaintManager',
    ]);
  });
});

describe('cordon and drain (§7)', () => {
  const budget = (spec: string) => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec: {${spec}, selector: {matchLabels: {app: web}}}
`;

  it('cordon: NodeCordoned and the unschedulable taint at T; running pods stay; new pods avoid the node', () => {
    const result = run(cluster('n1', 'n2'), deployment('web', 1, '', 'n1'), ['cordon:n1@20']);
    assert.deepEqual(lines(result.whatIf.timeline), ['20 NodeCordoned n1', '20 TaintAdded n1 node.kubernetes.io/unschedulable:NoSchedule']);
    assert.equal(result.final.nodes.find((n) => n.node.name === 'n1')?.node.unschedulable, true);
  });

  it('drain refuses a bare pod without --force: nothing is evicted, the node stays cordoned', () => {
    const text = `${deployment('web', 1, '', 'n1')}---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {nodeName: n1, containers: [{name: c, image: busybox}]}
`;
    const result = run(cluster('n1', 'n2'), text, ['drain:n1']);
    assert.deepEqual(lines(result.whatIf.timeline), ['0 NodeCordoned n1', '0 TaintAdded n1 node.kubernetes.io/unschedulable:NoSchedule', '0 DrainRefused default/bare']);
    const refused = result.whatIf.timeline.find((e) => e.type === 'DrainRefused');
    assert.equal(refused?.type === 'DrainRefused' && refused.message, 'cannot delete Pods that declare no controller (use --force to override)');
  });

  it('evictions at T against one budget: the second gets 429 and is retried every 5 s until the replacement is Ready', () => {
    const text = deployment('web', 2, ', readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 10, periodSeconds: 10}') + budget('minAvailable: 1');
    const nodes = cluster('n1', 'n2', 'n3', 'n4');
    const placed = run(nodes, text, ['cordon:n4@99']).start.simulation.pods.filter((p) => p.pod.name.startsWith('web-')).sort((a, b) => (a.pod.key < b.pod.key ? -1 : 1));
    const [first, second] = placed.map((p) => p.pod.key);
    const result = run(nodes, text, placed.map((p) => `drain:${p.placement.node}@30`));
    const steps = lines(result.whatIf.timeline, (e) => ['PodEvicted', 'EvictionBlocked', 'PodReady'].includes(e.type)).map((l) => l.replace(/default\/web-[\w-]+/, (pod) => (pod === `default/${first.split('/')[1]}` ? 'FIRST' : pod === `default/${second.split('/')[1]}` ? 'SECOND' : 'NEW')));
    assert.deepEqual(steps, [
      '30 PodEvicted FIRST EvictionByEvictionAPI',
      '30 EvictionBlocked SECOND',
      '35 EvictionBlocked SECOND',
      '40 EvictionBlocked SECOND',
      '40 PodReady NEW',
      '45 PodEvicted SECOND EvictionByEvictionAPI',
      '55 PodReady NEW',
    ]);
    const blocked = result.whatIf.timeline.find((e) => e.type === 'EvictionBlocked');
    assert.deepEqual(blocked?.type === 'EvictionBlocked' && [blocked.pdb, blocked.message], ['default/web', "Cannot evict pod as it would violate the pod's disruption budget. The disruption budget web needs 1 healthy pods and has 1 currently"]);
    const verdict = result.verdicts.find((v) => v.name === 'web');
    assert.deepEqual(verdict && [verdict.min, verdict.total, verdict.budget?.under], [1, 2, null]);
  });

  it('a budget that can never allow the eviction: one retry shown, then the timeline stops', () => {
    const text = deployment('web', 2) + budget('maxUnavailable: 0');
    const nodes = cluster('n1', 'n2', 'n3');
    const on = run(nodes, text, ['cordon:n3@99']).start.simulation.pods.find((p) => p.pod.name.startsWith('web-'))!;
    const result = run(nodes, text, [`drain:${on.placement.node}`]);
    assert.deepEqual(lines(result.whatIf.timeline, (e) => e.type === 'EvictionBlocked'), [`0 EvictionBlocked ${on.pod.key}`, `5 EvictionBlocked ${on.pod.key}`]);
    assert.deepEqual(result.whatIf.retryingForever, [on.pod.key]);
    assert.equal(result.whatIf.end, 5);
  });

  it('a blocked drain while something is due far later: bounded at MAX_INSTANTS seconds with events', () => {
    // The replacement of a drained pod is Ready only after 100,000 s: kubectl retries the other every 5 s.
    const text = deployment('web', 2, ', readinessProbe: {httpGet: {port: 80}, initialDelaySeconds: 100000}') + budget('minAvailable: 1');
    const nodes = cluster('n1', 'n2', 'n3', 'n4');
    const placed = run(nodes, text, ['cordon:n4@99']).start.simulation.pods.filter((p) => p.pod.name.startsWith('web-'));
    const result = run(nodes, text, placed.map((p) => `drain:${p.placement.node}`));
    assert.equal(result.whatIf.truncated, true);
    assert.equal(new Set(result.whatIf.timeline.map((e) => e.at)).size, MAX_INSTANTS);
    assert.equal(result.whatIf.end, (MAX_INSTANTS - 1) * 5);
  });

  it('is deterministic: the same input gives the same timeline and final cluster', () => {
    const text = deployment('web', 3) + budget('maxUnavailable: "34%"');
    const a = run(cluster('n1', 'n2', 'n3'), text, ['drain:n1@5', 'node-down:n2@7']);
    const b = run(cluster('n1', 'n2', 'n3'), text, ['drain:n1@5', 'node-down:n2@7']);
    assert.deepEqual(a.whatIf.timeline, b.whatIf.timeline);
    assert.deepEqual(a.final.pods.map((p) => [p.pod.key, p.placement.node]), b.final.pods.map((p) => [p.pod.key, p.placement.node]));
  });
});
