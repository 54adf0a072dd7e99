import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newLanguageService } from '../../../helpers/languageService';
import { parseFile } from '../../../../server/src/language/parse/parseFile';

const service = newLanguageService();

/** A Deployment whose pod template has these containers (one flow line each) and init containers. */
const deployment = (containers: string[], initContainers: string[] = []) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    ...(initContainers.length ? ['      initContainers:', ...initContainers.map((c) => `      - ${c}`)] : []),
    '      containers:',
    ...containers.map((c) => `      - ${c}`),
    '',
  ].join('\n');

const portFindings = (text: string) =>
  service
    .validateFile(parseFile(text), { kubernetesVersion: '1.36' })
    .filter((f) => f.code === 'api/duplicate-container-port' || f.code === 'api/duplicate-port-definition')
    .map((f) => `${f.severity} ${f.code}: ${f.message}`);

const cases: Array<{ name: string; text: string; expect: string[] }> = [
  {
    // The case of issue #13: the API server warns and creates the object.
    name: 'warnings.go: same containerPort and protocol, different names → "duplicate port definition" warning, no error',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, name: http}, {containerPort: 80, name: https}]}']),
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[0].ports[1]: duplicate port definition with spec.template.spec.containers[0].ports[0]'],
  },
  {
    name: 'warnings_test.go "duplicate container ports with same port and protocol": the warning only',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, protocol: UDP}, {containerPort: 80, protocol: UDP}]}']),
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[0].ports[1]: duplicate port definition with spec.template.spec.containers[0].ports[0]'],
  },
  {
    name: 'warnings.go: the protocol defaults to TCP before the comparison',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 88, protocol: TCP}]}', '{name: b, image: "i:1", ports: [{containerPort: 88}]}']),
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[1].ports[0]: duplicate port definition with spec.template.spec.containers[0].ports[0]'],
  },
  {
    name: 'warnings.go: init containers are visited first, so a container port is reported against theirs',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80}]}'], ['{name: i, image: "i:1", ports: [{containerPort: 80}]}']),
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[0].ports[0]: duplicate port definition with spec.template.spec.initContainers[0].ports[0]'],
  },
  {
    name: 'warnings.go: one without hostPort → "overlapping port definition"',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, hostPort: 80}, {containerPort: 80}]}']),
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[0].ports[1]: overlapping port definition with spec.template.spec.containers[0].ports[0]'],
  },
  {
    name: 'warnings.go: same hostPort, hostIP on one side only → "dangerously ambiguous port definition"',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}]}', '{name: b, image: "i:1", ports: [{containerPort: 80, hostPort: 80}]}']),
    // Not a validation error: the hostPort keys differ ("TCP/10.0.0.1/80", "TCP//80").
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.template.spec.containers[0].ports[0]'],
  },
  {
    name: 'warnings_test.go "same protocol, port and hostPort, different hostIP": nothing',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}]}', '{name: b, image: "i:1", ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.2}]}']),
    expect: [],
  },
  {
    name: 'validateContainerPorts: a port name twice in one container → Duplicate value (error)',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, name: http}, {containerPort: 81, name: http}]}']),
    expect: ['error api/duplicate-container-port: Duplicate value: "http": ports[0] of this container has the same name (port names must be unique within a container).'],
  },
  {
    name: 'validateContainerPorts checks names per container: the same name in two containers is accepted',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, name: metrics}]}', '{name: b, image: "i:1", ports: [{containerPort: 81, name: metrics}]}']),
    expect: [],
  },
  {
    name: 'checkHostPortConflicts: the same protocol/hostIP/hostPort in two containers → Duplicate value (error)',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80, hostPort: 8080}]}', '{name: b, image: "i:1", ports: [{containerPort: 81, hostPort: 8080, protocol: TCP}]}']),
    expect: ['error api/duplicate-container-port: Duplicate value: "TCP//8080": containers[0].ports[0] already claims this host port (the containers of a pod share its network namespace).'],
  },
  {
    name: 'checkHostPortConflicts: init containers run one at a time, each is checked on its own',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 81, hostPort: 8080}]}'], ['{name: i, image: "i:1", ports: [{containerPort: 80, hostPort: 8080}]}']),
    expect: [],
  },
  {
    name: 'SetDefaults_Pod: with hostNetwork a Pod\'s ports get hostPort = containerPort before validation → Duplicate value',
    text: ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  containers:', '  - {name: a, image: "i:1", ports: [{containerPort: 80}]}', '  - {name: b, image: "i:1", ports: [{containerPort: 80}]}', ''].join('\n'),
    expect: [
      'error api/duplicate-container-port: Duplicate value: "TCP//80": containers[0].ports[0] already claims this host port (the containers of a pod share its network namespace).',
      'warning api/duplicate-port-definition: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
    ],
  },
  {
    name: 'pod templates are not defaulted so: the same ports in a hostNetwork Deployment are only the warning',
    text: deployment(['{name: a, image: "i:1", ports: [{containerPort: 80}]}', '{name: b, image: "i:1", ports: [{containerPort: 80}]}']).replace('    spec:\n', '    spec:\n      hostNetwork: true\n'),
    expect: ['warning api/duplicate-port-definition: spec.template.spec.containers[1].ports[0]: duplicate port definition with spec.template.spec.containers[0].ports[0]'],
  },
];

for (const c of cases) {
  test(`container ports: ${c.name}`, () => assert.deepEqual(portFindings(c.text), c.expect));
}
