import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateInTemplate, type TemplateTarget } from '../../../server/src/language/render/templateSourceMap';
import { deploymentYaml, hpaYaml, httprouteYaml, ingressYaml, serviceaccountYaml, serviceYaml } from './helmCreateTemplates';

/** Several objects from one template: a ConfigMap per entry of a list, then a Service. */
const rangeOverList = [
  '{{- range .Values.configs }}', //          0
  '---', //                                   1
  'apiVersion: v1', //                        2
  'kind: ConfigMap', //                       3
  'metadata:', //                             4
  '  name: {{ .name }}', //                   5
  'data:', //                                 6
  '  {{- range $key, $value := .data }}', //  7
  '  {{ $key }}: {{ $value | quote }}', //    8
  '  {{- end }}', //                          9
  '{{- end }}', //                            10
  '---', //                                   11
  'apiVersion: v1', //                        12
  'kind: Service', //                         13
  'metadata:', //                             14
  '  name: {{ .Values.serviceName }}', //     15
  'spec:', //                                 16
  '  ports:', //                              17
  '    - port: {{ .Values.port }}', //        18
].join('\n');

/** Values read in other ways. */
const pipelines = [
  'kind: Pod', //                                              0
  'spec:', //                                                  1
  '  containers:', //                                          2
  '    - name: app', //                                        3
  '      image: {{ .Values.repo }}:{{ .Values.tag }}', //      4
  '      resources:', //                                       5
  '        limits:', //                                        6
  '          cpu: {{ .Values.cpu | default "100m" }}', //      7
  '          memory: {{ quote .Values.memory }}', //           8
  '      env:', //                                             9
  '        {{- toYaml .Values.env | nindent 8 }}', //          10
  '  nodeSelector:', //                                        11
  '  {{- toYaml .Values.nodeSelector | nindent 2 }}', //       12
  '  {{- with .Values.scheduling }}', //                       13
  '  {{- if .enabled }}', //                                   14
  '  priorityClassName: {{ .priority }}', //                   15
  '  {{- else }}', //                                          16
  '  schedulerName: {{ .name }}', //                           17
  '  {{- end }}', //                                           18
  '  {{- end }}', //                                           19
].join('\n');

type Expected = { range: [number, number, number, number]; depth: number; valuesPath?: string[] };
const containers = ['spec', 'template', 'spec', 'containers'] as const;

const cases: Array<{ name: string; template: string; target: TemplateTarget; expect: Expected }> = [
  // helm create: deployment.yaml
  {
    name: 'deployment replicas under an if',
    template: deploymentYaml,
    target: { path: ['spec', 'replicas'], documentIndex: 0, kind: 'Deployment' },
    expect: { range: [8, 2, 8, 10], depth: 2, valuesPath: ['replicaCount'] },
  },
  {
    name: 'deployment containerPort',
    template: deploymentYaml,
    target: { path: [...containers, 0, 'ports', 0, 'containerPort'], documentIndex: 0 },
    expect: { range: [44, 14, 44, 27], depth: 8, valuesPath: ['service', 'port'] },
  },
  {
    name: 'deployment image from two values: their common parent',
    template: deploymentYaml,
    target: { path: [...containers, 0, 'image'], documentIndex: 0 },
    expect: { range: [40, 10, 40, 15], depth: 6, valuesPath: ['image'] },
  },
  {
    name: 'deployment imagePullPolicy',
    template: deploymentYaml,
    target: { path: [...containers, 0, 'imagePullPolicy'], documentIndex: 0 },
    expect: { range: [41, 10, 41, 25], depth: 6, valuesPath: ['image', 'pullPolicy'] },
  },
  {
    name: 'deployment resources through with + toYaml .',
    template: deploymentYaml,
    target: { path: [...containers, 0, 'resources', 'limits', 'cpu'], documentIndex: 0 },
    expect: { range: [55, 10, 55, 19], depth: 6, valuesPath: ['resources', 'limits', 'cpu'] },
  },
  {
    name: 'deployment livenessProbe written by toYaml',
    template: deploymentYaml,
    target: { path: [...containers, 0, 'livenessProbe', 'httpGet', 'port'], documentIndex: 0 },
    expect: { range: [47, 10, 47, 23], depth: 6, valuesPath: ['livenessProbe', 'httpGet', 'port'] },
  },
  {
    name: 'deployment container index past the template falls back to its last item',
    template: deploymentYaml,
    target: { path: [...containers, 1, 'ports', 0, 'containerPort'], documentIndex: 0 },
    expect: { range: [44, 14, 44, 27], depth: 8, valuesPath: ['service', 'port'] },
  },
  {
    name: 'deployment nodeSelector entry',
    template: deploymentYaml,
    target: { path: ['spec', 'template', 'spec', 'nodeSelector', 'disktype'], documentIndex: 0 },
    expect: { range: [67, 6, 67, 18], depth: 4, valuesPath: ['nodeSelector', 'disktype'] },
  },
  {
    name: 'deployment pod annotation',
    template: deploymentYaml,
    target: { path: ['spec', 'template', 'metadata', 'annotations', 'team'], documentIndex: 0 },
    expect: { range: [16, 6, 16, 17], depth: 4, valuesPath: ['podAnnotations', 'team'] },
  },
  {
    name: 'deployment labels from an include: no values path',
    template: deploymentYaml,
    target: { path: ['metadata', 'labels', 'app.kubernetes.io/name'], documentIndex: 0 },
    expect: { range: [4, 2, 4, 8], depth: 2 },
  },
  {
    name: 'deployment name from an include: no values path',
    template: deploymentYaml,
    target: { path: ['metadata', 'name'], documentIndex: 0 },
    expect: { range: [3, 2, 3, 6], depth: 2 },
  },
  {
    name: 'deployment missing field lands on its parent key',
    template: deploymentYaml,
    target: { path: ['spec', 'strategy', 'type'], documentIndex: 0 },
    expect: { range: [6, 0, 6, 4], depth: 1 },
  },
  {
    name: 'deployment field missing at the root lands on the first line',
    template: deploymentYaml,
    target: { path: ['status'], documentIndex: 0 },
    expect: { range: [0, 0, 0, 19], depth: 0 },
  },
  // helm create: service.yaml, hpa.yaml, serviceaccount.yaml, ingress.yaml, httproute.yaml
  {
    name: 'service port',
    template: serviceYaml,
    target: { path: ['spec', 'ports', 0, 'port'], documentIndex: 0, kind: 'Service' },
    expect: { range: [9, 6, 9, 10], depth: 4, valuesPath: ['service', 'port'] },
  },
  {
    name: 'service type',
    template: serviceYaml,
    target: { path: ['spec', 'type'], documentIndex: 0 },
    expect: { range: [7, 2, 7, 6], depth: 2, valuesPath: ['service', 'type'] },
  },
  {
    name: 'hpa minReplicas inside the whole-file if',
    template: hpaYaml,
    target: { path: ['spec', 'minReplicas'], documentIndex: 0, kind: 'HorizontalPodAutoscaler' },
    expect: { range: [12, 2, 12, 13], depth: 2, valuesPath: ['autoscaling', 'minReplicas'] },
  },
  {
    name: 'hpa first conditional metric',
    template: hpaYaml,
    target: { path: ['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization'], documentIndex: 0 },
    expect: { range: [21, 10, 21, 28], depth: 6, valuesPath: ['autoscaling', 'targetCPUUtilizationPercentage'] },
  },
  {
    name: 'hpa second conditional metric',
    template: hpaYaml,
    target: { path: ['spec', 'metrics', 1, 'resource', 'target', 'averageUtilization'], documentIndex: 0 },
    expect: { range: [29, 10, 29, 28], depth: 6, valuesPath: ['autoscaling', 'targetMemoryUtilizationPercentage'] },
  },
  {
    name: 'serviceaccount automount',
    template: serviceaccountYaml,
    target: { path: ['automountServiceAccountToken'], documentIndex: 0 },
    expect: { range: [11, 0, 11, 28], depth: 1, valuesPath: ['serviceAccount', 'automount'] },
  },
  {
    name: 'serviceaccount annotation',
    template: serviceaccountYaml,
    target: { path: ['metadata', 'annotations', 'owner'], documentIndex: 0 },
    expect: { range: [8, 2, 8, 13], depth: 2, valuesPath: ['serviceAccount', 'annotations', 'owner'] },
  },
  {
    name: 'ingress className through with + {{ . }}',
    template: ingressYaml,
    target: { path: ['spec', 'ingressClassName'], documentIndex: 0 },
    expect: { range: [13, 2, 13, 18], depth: 2, valuesPath: ['ingress', 'className'] },
  },
  {
    name: 'ingress $.Values inside nested ranges',
    template: ingressYaml,
    target: { path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port', 'number'], documentIndex: 0 },
    expect: { range: [39, 18, 39, 24], depth: 10, valuesPath: ['service', 'port'] },
  },
  {
    name: 'ingress host of a later rule: range item, dot unknown',
    template: ingressYaml,
    target: { path: ['spec', 'rules', 2, 'host'], documentIndex: 0 },
    expect: { range: [27, 6, 27, 10], depth: 4 },
  },
  {
    name: 'httproute parentRefs written by toYaml under a with',
    template: httprouteYaml,
    target: { path: ['spec', 'parentRefs', 0, 'name'], documentIndex: 0 },
    expect: { range: [14, 2, 14, 12], depth: 2, valuesPath: ['httpRoute', 'parentRefs', '0', 'name'] },
  },
  // A range over a list: several objects from one template document.
  {
    name: 'range: the object after the range is found by its kind',
    template: rangeOverList,
    target: { path: ['spec', 'ports', 0, 'port'], documentIndex: 3, kind: 'Service' },
    expect: { range: [18, 6, 18, 10], depth: 4, valuesPath: ['port'] },
  },
  {
    name: 'range: an index that lands on another kind is found by kind',
    template: rangeOverList,
    target: { path: ['metadata', 'name'], documentIndex: 1, kind: 'ConfigMap' },
    expect: { range: [5, 2, 5, 6], depth: 2 },
  },
  {
    name: 'range: a data key written by an inner range lands on data',
    template: rangeOverList,
    target: { path: ['data', 'app.conf'], documentIndex: 2, kind: 'ConfigMap' },
    expect: { range: [6, 0, 6, 4], depth: 1 },
  },
  {
    name: 'range: unknown index and kind fall back to the first document',
    template: rangeOverList,
    target: { path: ['metadata', 'name'], documentIndex: 7 },
    expect: { range: [5, 2, 5, 6], depth: 2 },
  },
  // Other pipelines.
  {
    name: 'different values with an unmatched rest: unclear',
    template: pipelines,
    target: { path: ['spec', 'containers', 0, 'image', 'x'], documentIndex: 0 },
    expect: { range: [4, 6, 4, 11], depth: 4 },
  },
  {
    name: 'value | default',
    template: pipelines,
    target: { path: ['spec', 'containers', 0, 'resources', 'limits', 'cpu'], documentIndex: 0 },
    expect: { range: [7, 10, 7, 13], depth: 6, valuesPath: ['cpu'] },
  },
  {
    name: 'quote value',
    template: pipelines,
    target: { path: ['spec', 'containers', 0, 'resources', 'limits', 'memory'], documentIndex: 0 },
    expect: { range: [8, 10, 8, 16], depth: 6, valuesPath: ['memory'] },
  },
  {
    name: 'toYaml .Values.x on the next line',
    template: pipelines,
    target: { path: ['spec', 'containers', 0, 'env', 3, 'value'], documentIndex: 0 },
    expect: { range: [9, 6, 9, 9], depth: 4, valuesPath: ['env', '3', 'value'] },
  },
  {
    name: 'toYaml indented as a sibling is not the key content',
    template: pipelines,
    target: { path: ['spec', 'nodeSelector', 'disk'], documentIndex: 0 },
    expect: { range: [11, 2, 11, 14], depth: 2 },
  },
  {
    name: 'relative field under with and if',
    template: pipelines,
    target: { path: ['spec', 'priorityClassName'], documentIndex: 0 },
    expect: { range: [15, 2, 15, 19], depth: 2, valuesPath: ['scheduling', 'priority'] },
  },
  {
    name: 'relative field in the else of an if under with',
    template: pipelines,
    target: { path: ['spec', 'schedulerName'], documentIndex: 0 },
    expect: { range: [17, 2, 17, 15], depth: 2, valuesPath: ['scheduling', 'name'] },
  },
];

for (const c of cases) {
  test(`locateInTemplate: ${c.name}`, () => {
    const found = locateInTemplate(c.template, c.target);
    const { start, end } = found.range;
    assert.deepEqual(
      { range: [start.line, start.character, end.line, end.character], depth: found.depth, valuesPath: found.valuesPath },
      { ...c.expect, valuesPath: c.expect.valuesPath },
    );
  });
}

test('locateInTemplate: a template with no YAML gives the start of the file', () => {
  const found = locateInTemplate('{{- /* nothing */ -}}\n', { path: ['spec'], documentIndex: 0 });
  assert.deepEqual(found, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, depth: 0 });
});
