import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dryRun } from '../../../server/src/dryRun/dryRun';
import { useLocale } from '../../../server/src/l10nFiles';
import { manifests } from '../simulator/yaml';

/**
 * Issue #17, the dry run in Korean (l10n/bundle.l10n.ko.json, from l10n/ko/dry-run.json): our
 * explanation (the lead sentence, the Service's message) reads in Korean, while the scheduler's own
 * `0/N nodes are available: …` message stays in kube-scheduler's English beside it. Each case is
 * checked in English too, after switching back, so that a bundle that failed to load cannot pass.
 */
const cluster = manifests(
  ['a', 'b', 'c']
    .map((n) => `apiVersion: v1\nkind: Node\nmetadata: {name: node-${n}, labels: {kubernetes.io/hostname: node-${n}}}\nstatus: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}\n`)
    .join('---\n'),
  'cluster.yaml',
);
const input = manifests(
  [
    'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec: {containers: [{name: app, image: nginx, resources: {requests: {cpu: "64"}}}]}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
  ].join('---\n'),
);

function messages(locale: 'en' | 'ko'): Map<string, string> {
  try {
    const contents = useLocale(locale);
    if (locale === 'ko') assert.ok(contents, 'l10n/bundle.l10n.ko.json is found');
    return new Map(dryRun({ manifests: input, cluster, baseline: null }).findings.map((f) => [f.code, f.message]));
  } finally {
    useLocale('en');
  }
}

const SCHEDULER = '0/3 nodes are available: 3 Insufficient cpu.';

test('l10n dry run: an unschedulable pod gets the Korean lead sentence beside the scheduler\'s verbatim message', () => {
  const ko = messages('ko').get('sim/unschedulable') ?? '';
  assert.ok(ko.startsWith('파드 big은(는) 스케줄링할 수 없습니다: '), ko);
  assert.ok(ko.includes('64 CPU을(를) 요청하지만 가장 큰 노드의 할당 가능량은 4 CPU입니다 — 요청을 4 CPU 이하로 낮추십시오'), ko);
  assert.ok(ko.includes(SCHEDULER), `the scheduler's words stay in English: ${ko}`);
  const en = messages('en').get('sim/unschedulable') ?? '';
  assert.ok(en.startsWith('Pod big cannot be scheduled: asks 64 CPU; the largest node has 4 CPU allocatable - lower the request to at most 4 CPU. 0/3 nodes are available:'), en);
});

test('l10n dry run: a Service without pods gets its Korean message', () => {
  assert.equal(messages('ko').get('ref/service-no-pods'), '셀렉터 app=web과(와) 일치하는 파드가 네임스페이스 default에 없습니다: 서비스에 엔드포인트가 없습니다');
  assert.equal(messages('en').get('ref/service-no-pods'), 'selector app=web matches no pod in namespace default: the Service has no endpoints');
});

test("l10n dry run: the cluster profile's own pods are placed with Korean words, their node names as written", () => {
  const profile = manifests(
    [
      'apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\nstatus: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: here, namespace: kube-system}\nspec: {nodeName: node-a, containers: [{name: c, image: pause}]}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: lost, namespace: kube-system}\nspec: {nodeName: node-z, containers: [{name: c, image: pause}]}\n',
    ].join('---\n'),
    'cluster.yaml',
  );
  const placed = (locale: 'en' | 'ko') => {
    try {
      useLocale(locale);
      return dryRun({ manifests: [], cluster: profile, baseline: null }).simulation.pods.map((p) => p.placement.message);
    } finally {
      useLocale('en');
    }
  };
  assert.deepEqual(placed('ko'), ['node-a에서 실행 중 (클러스터 프로필)', 'spec.nodeName이 클러스터 프로필에 없는 노드 "node-z"을(를) 가리킵니다']);
  assert.deepEqual(placed('en'), ['running on node-a (cluster profile)', 'spec.nodeName names node "node-z", which is not in the cluster profile']);
});
