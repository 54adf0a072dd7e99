import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newLanguageService } from '../../../helpers/languageService';
import { parseFile } from '../../../../server/src/language/parse/parseFile';
import { DOCUMENT_RULES } from '../../../../server/src/language/rules/documentRules';

const service = newLanguageService();
const lines = (...l: string[]) => l.join('\n') + '\n';

/** Tiny builders: a Pod or Deployment around one container, and the container itself. */
const container = (extra: string[] = [], name = 'app', image = 'registry.example.com/app:1.2.3') => [`  - name: ${name}`, ...(image ? [`    image: ${image}`] : []), ...extra.map((l) => `    ${l}`)];
const pod = (spec: string[], metadata = ['  name: p']) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', ...metadata, 'spec:', ...spec);
const goodContainer = container(['resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}', 'securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}', 'readinessProbe: {httpGet: {path: /, port: 80}}', 'livenessProbe: {httpGet: {path: /, port: 80}}']);
const deployment = (spec: string[], podSpec: string[] = ['      containers:', ...goodContainer.map((l) => `    ${l}`)]) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', ...spec, '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', ...podSpec);

interface Case {
  code: string;
  fires: string;
  quiet: string;
  /** Line of the first finding with the code. */
  line?: number;
}

const cases: Case[] = [
  { code: 'api/name-required', fires: lines('apiVersion: v1', 'kind: ConfigMap', 'data: {a: b}'), quiet: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {generateName: c-}') },
  { code: 'api/name-format', fires: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x.com^2}'), quiet: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x.com}'), line: 2 },
  { code: 'api/name-format', fires: lines('apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${'a'.repeat(254)}}`), quiet: lines('apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${'a'.repeat(253)}}`) },
  { code: 'api/name-format', fires: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: my.service}'), quiet: lines('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata: {name: "system:reader"}') },
  { code: 'api/label-format', fires: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', '  labels: {owner: _}'), quiet: lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', '  labels: {app.kubernetes.io/name: x, empty: ""}'), line: 4 },
  { code: 'api/label-format', fires: deployment([]).replace('labels: {app: web}', 'labels: {app: web, "bad key!": x}'), quiet: deployment([]) },
  { code: 'api/missing-image', fires: pod(['  containers:', ...container([], 'a', '')]), quiet: pod(['  containers:', ...container()]), line: 6 },
  { code: 'api/duplicate-container-name', fires: pod(['  containers:', ...container([], 'a'), '  initContainers:', ...container([], 'a')]), quiet: pod(['  containers:', ...container([], 'a'), ...container([], 'b')]) },
  { code: 'api/duplicate-container-port', fires: pod(['  containers:', ...container(['ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}]'])]), quiet: pod(['  containers:', ...container(['ports: [{name: http, containerPort: 80}]'], 'a'), ...container(['ports: [{name: http, containerPort: 81}]'], 'b')]) },
  { code: 'api/duplicate-container-port', fires: pod(['  containers:', ...container(['ports: [{containerPort: 80, hostPort: 80}]'], 'a'), ...container(['ports: [{containerPort: 81, hostPort: 80}]'], 'b')]), quiet: pod(['  containers:', ...container(['ports: [{containerPort: 80, hostPort: 80}]'], 'a'), ...container(['ports: [{containerPort: 81, hostPort: 80, protocol: UDP}]'], 'b')]) },
  { code: 'api/duplicate-port-definition', fires: pod(['  containers:', ...container(['ports: [{containerPort: 88}, {containerPort: 88, protocol: TCP}]'])]), quiet: pod(['  containers:', ...container(['ports: [{containerPort: 88, protocol: UDP}, {containerPort: 88}]'])]) },
  { code: 'api/duplicate-env-name', fires: pod(['  containers:', ...container(['env: [{name: A, value: "1"}, {name: A, value: "2"}]'])]), quiet: pod(['  containers:', ...container(['env: [{name: A, value: "1"}, {name: B, value: "2"}]'])]) },
  { code: 'api/duplicate-volume-name', fires: pod(['  containers:', ...container(), '  volumes: [{name: v, emptyDir: {}}, {name: v, emptyDir: {}}]']), quiet: pod(['  containers:', ...container(), '  volumes: [{name: v, emptyDir: {}}]']) },
  { code: 'api/duplicate-service-port', fires: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec: {ports: [{name: a, port: 80}, {name: b, port: 80}]}'), quiet: lines('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec: {ports: [{name: a, port: 80}, {name: b, port: 80, protocol: UDP}]}') },
  { code: 'api/negative-replicas', fires: deployment(['  replicas: -1']), quiet: deployment(['  replicas: 0']), line: 4 },
  {
    code: 'api/selector-mismatch',
    fires: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: a}}', '  template:', '    metadata: {labels: {app: b}}', '    spec: {containers: [{name: c, image: "i:1"}]}'),
    quiet: lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: a}}', '  template:', '    metadata: {labels: {app: a, extra: x}}', '    spec: {containers: [{name: c, image: "i:1"}]}'),
    line: 4,
  },
  // apps validation rejects a Deployment whose selector misses its template ("`selector` does not match template `labels`").
  { code: 'api/selector-mismatch', fires: deployment([]).replace('labels: {app: web}', 'labels: {app: api}'), quiet: deployment([]), line: 4 },
  { code: 'api/selector-operator', fires: deployment([]).replace('selector: {matchLabels: {app: web}}', 'selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In}]}'), quiet: deployment([]).replace('selector: {matchLabels: {app: web}}', 'selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: Exists}]}').replace('labels: {app: web}', 'labels: {app: web, tier: front}') },
  { code: 'api/selector-operator', fires: pod(['  containers:', ...container(), '  tolerations: [{key: k, operator: Exists, value: v}]']), quiet: pod(['  containers:', ...container(), '  tolerations: [{key: k, operator: Equal, value: v}]']) },
  {
    code: 'api/selector-operator',
    fires: pod(['  containers:', ...container(), '  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: cpu, operator: Gt, values: ["a"]}]}]}}}']),
    quiet: pod(['  containers:', ...container(), '  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: cpu, operator: Gt, values: ["4"]}]}]}}}']),
  },
  { code: 'api/unsupported-value', fires: pod(['  containers:', ...container(['ports: [{containerPort: 88, protocol: udp}]'])]), quiet: pod(['  containers:', ...container(['ports: [{containerPort: 88, protocol: UDP}]'])]) },
  { code: 'api/unsupported-value', fires: lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', 'spec: {podSelector: {}, policyTypes: [Ingress, egress]}'), quiet: lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', 'spec: {podSelector: {}, policyTypes: [Ingress, Egress]}') },
  { code: 'api/requests-exceed-limits', fires: pod(['  containers:', ...container(['resources: {requests: {memory: 1Gi}, limits: {memory: 512Mi}}'])]), quiet: pod(['  containers:', ...container(['resources: {requests: {memory: 512Mi}, limits: {memory: 1Gi}}'])]) },
  {
    code: 'api/cron-schedule',
    fires: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "0 24 * * *"', '  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: "i:1"}]}}}}'),
    quiet: lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "*/15 9-17 * * MON-FRI"', '  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: "i:1"}]}}}}'),
    line: 4,
  },
  { code: 'bp/latest-tag', fires: pod(['  containers:', ...container([], 'a', 'nginx')]), quiet: pod(['  containers:', ...container([], 'a', 'registry:5000/nginx@sha256:abc')]) },
  { code: 'bp/latest-tag', fires: pod(['  containers:', ...container([], 'a', 'nginx:latest')]), quiet: pod(['  containers:', ...container([], 'a', 'localhost:5000/nginx:1.27')]) },
  { code: 'bp/missing-requests', fires: pod(['  containers:', ...container()]), quiet: deployment(['  replicas: 3']) },
  { code: 'bp/missing-memory-limit', fires: pod(['  containers:', ...container(['resources: {requests: {cpu: 1, memory: 1Gi}}'])]), quiet: deployment(['  replicas: 3']) },
  { code: 'bp/missing-readiness-probe', fires: deployment(['  replicas: 3'], ['      containers:', ...container().map((l) => `    ${l}`)]), quiet: deployment(['  replicas: 3']) },
  { code: 'bp/missing-liveness-probe', fires: deployment(['  replicas: 3'], ['      containers:', ...container().map((l) => `    ${l}`)]), quiet: pod(['  containers:', ...container()]) },
  { code: 'bp/privileged', fires: pod(['  containers:', ...container(['securityContext: {privileged: true}'])]), quiet: pod(['  containers:', ...container(['securityContext: {privileged: false}'])]) },
  { code: 'bp/privilege-escalation', fires: pod(['  containers:', ...container(['securityContext: {allowPrivilegeEscalation: true}'])]), quiet: pod(['  containers:', ...container(['securityContext: {allowPrivilegeEscalation: false}'])]) },
  { code: 'bp/privilege-escalation', fires: pod(['  containers:', ...container(['securityContext: {capabilities: {add: [SYS_ADMIN]}}'])]), quiet: pod(['  containers:', ...container(['securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}'])]) },
  { code: 'bp/host-path', fires: pod(['  containers:', ...container(), '  volumes: [{name: v, hostPath: {path: /var/run}}]']), quiet: pod(['  containers:', ...container(), '  volumes: [{name: v, emptyDir: {}}]']) },
  { code: 'bp/host-network', fires: pod(['  hostNetwork: true', '  containers:', ...container()]), quiet: pod(['  hostNetwork: false', '  containers:', ...container()]) },
  { code: 'bp/host-network', fires: pod(['  hostPID: true', '  containers:', ...container()]), quiet: pod(['  containers:', ...container()]) },
  { code: 'bp/run-as-non-root', fires: pod(['  containers:', ...container()]), quiet: pod(['  securityContext: {runAsUser: 1000}', '  containers:', ...container()]) },
  { code: 'bp/single-replica', fires: deployment(['  replicas: 1']), quiet: deployment(['  replicas: 3']) },
  { code: 'bp/single-replica', fires: deployment([]), quiet: deployment(['  replicas: 0']) },
  {
    code: 'bp/no-anti-affinity',
    fires: deployment(['  replicas: 3']),
    quiet: deployment(['  replicas: 3'], ['      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}]', '      containers:', ...goodContainer.map((l) => `    ${l}`)]),
  },
];

const check = (text: string, code: string) => service.validateFile(parseFile(text), { kubernetesVersion: '1.36', rules: { severities: {}, bestPractices: true } }).filter((f) => f.code === code);

const counts = new Map<string, number>();
for (const c of cases) {
  const n = (counts.get(c.code) ?? 0) + 1;
  counts.set(c.code, n);
  test(`rule ${c.code} (${n}): fires`, () => {
    const findings = check(c.fires, c.code);
    assert.ok(findings.length > 0, `expected ${c.code}; got ${JSON.stringify(service.validateFile(parseFile(c.fires), { kubernetesVersion: '1.36', rules: { severities: {}, bestPractices: true } }).map((f) => f.code))}`);
    if (c.line !== undefined) assert.equal(findings[0].range.start.line, c.line);
  });
  test(`rule ${c.code} (${n}): does not fire`, () => {
    assert.deepEqual(check(c.quiet, c.code).map((f) => f.message), []);
  });
}

test('rules: every per-document rule has a fires / does-not-fire case', () => {
  for (const rule of DOCUMENT_RULES) assert.ok(counts.has(rule.meta.code), `no case for ${rule.meta.code}`);
});

test('rules: the valid examples of the whole table raise no API-server finding', () => {
  for (const c of cases) {
    const findings = service.validateFile(parseFile(c.quiet), { kubernetesVersion: '1.36' }).filter((f) => f.severity === 'error');
    assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], c.quiet);
  }
});
