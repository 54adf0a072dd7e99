import { join } from 'node:path';
import { pad, writeAll } from './projectFiles';

/**
 * The Kustomize overlay `npm run bench -- render` builds (the chart is helmChart.ts), written into a
 * folder at bench time (deterministic). Valid as written: rendered, validated and dry-run on the default
 * cluster, it gives no finding (the benchmark checks that, so a change that breaks it shows).
 */

const KUSTOMIZE_APPS = 50; // 50 Deployments + 50 Services + 100 ConfigMaps = 200 base resources

/**
 * A three-level Kustomize overlay in `dir`: base/ (200 resources in four files), overlays/middle
 * (namePrefix, labels, a strategic-merge patch, an image retag) and overlays/top (namespace, replicas,
 * a JSON 6902 patch, a configMapGenerator). Returns the directory to build (the top overlay).
 */
export function writeKustomizeOverlay(dir: string): { root: string; baseResources: number } {
  const files = new Map<string, string>();
  const deployments: string[] = [];
  const services: string[] = [];
  const settings: string[] = [];
  const routes: string[] = [];
  for (let i = 0; i < KUSTOMIZE_APPS; i++) {
    const app = `app-${pad(i, 3)}`;
    deployments.push(kustomizeDeployment(app, i));
    services.push(
      ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${app}`, `  labels: {app: ${app}}`, 'spec:', `  selector: {app: ${app}}`, '  ports:', '  - {name: http, port: 80, targetPort: http}', ''].join('\n'),
    );
    settings.push(['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${app}-settings`, `  labels: {app: ${app}}`, 'data:', '  LOG_LEVEL: info', `  POOL_SIZE: "${10 + (i % 7)}"`, `  UPSTREAM: http://app-${pad((i + 1) % KUSTOMIZE_APPS, 3)}`, ''].join('\n'));
    routes.push(
      ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${app}-routes`, `  labels: {app: ${app}}`, 'data:', '  routes.yaml: |', '    - path: /', `      backend: ${app}`, '    - path: /healthz', '      backend: local', ''].join('\n'),
    );
  }
  files.set('base/deployments.yaml', deployments.join('---\n'));
  files.set('base/services.yaml', services.join('---\n'));
  files.set('base/configmaps-settings.yaml', settings.join('---\n'));
  files.set('base/configmaps-routes.yaml', routes.join('---\n'));
  files.set(
    'base/kustomization.yaml',
    ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '- deployments.yaml', '- services.yaml', '- configmaps-settings.yaml', '- configmaps-routes.yaml', ''].join('\n'),
  );
  files.set(
    'overlays/middle/kustomization.yaml',
    [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '- ../../base',
      'namePrefix: shop-',
      'labels:',
      '- pairs:',
      '    tier: backend',
      '    part-of: shop',
      '  includeTemplates: true',
      'patches:',
      '- path: pod-defaults.yaml',
      '  target:',
      '    kind: Deployment',
      'images:',
      '- name: registry.example.com/shop/app',
      '  newName: mirror.example.com/shop/app',
      '  newTag: 2.1.0',
      '',
    ].join('\n'),
  );
  files.set(
    'overlays/middle/pod-defaults.yaml',
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: any',
      'spec:',
      '  revisionHistoryLimit: 5',
      '  template:',
      '    spec:',
      '      terminationGracePeriodSeconds: 45',
      '      containers:',
      '      - name: app',
      '        env:',
      '        - name: OTEL_EXPORTER_OTLP_ENDPOINT',
      '          value: http://otel-collector.observability:4317',
      '',
    ].join('\n'),
  );
  files.set(
    'overlays/top/kustomization.yaml',
    [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '- ../middle',
      'namespace: shop-prod',
      'replicas:',
      '- name: shop-app-000',
      '  count: 4',
      '- name: shop-app-001',
      '  count: 3',
      'patches:',
      '- path: prod-settings-ref.yaml',
      '  target:',
      '    group: apps',
      '    version: v1',
      '    kind: Deployment',
      'configMapGenerator:',
      '- name: prod-settings',
      '  literals:',
      '  - ENVIRONMENT=production',
      '  - REGION=us-east-1',
      '',
    ].join('\n'),
  );
  files.set(
    'overlays/top/prod-settings-ref.yaml',
    [
      '- op: add',
      '  path: /spec/template/spec/containers/0/envFrom/-',
      '  value:',
      '    configMapRef:',
      '      name: prod-settings',
      '- op: replace',
      '  path: /spec/template/spec/containers/0/resources/limits/memory',
      '  value: 192Mi',
      '',
    ].join('\n'),
  );
  writeAll(dir, files);
  return { root: join(dir, 'overlays', 'top'), baseResources: KUSTOMIZE_APPS * 4 };
}

function kustomizeDeployment(app: string, i: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${app}`,
    `  labels: {app: ${app}}`,
    'spec:',
    `  replicas: ${1 + (i % 2)}`,
    `  selector: {matchLabels: {app: ${app}}}`,
    '  template:',
    `    metadata: {labels: {app: ${app}}}`,
    '    spec:',
    '      containers:',
    '      - name: app',
    `        image: registry.example.com/shop/app:1.${i % 10}.0`,
    `        args: ["--service=${app}"]`,
    '        ports: [{name: http, containerPort: 8080}]',
    '        envFrom:',
    `        - configMapRef: {name: ${app}-settings}`,
    '        resources:',
    '          requests: {cpu: 20m, memory: 32Mi}',
    '          limits: {memory: 128Mi}',
    '        readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 5}',
    '        volumeMounts:',
    '        - {name: routes, mountPath: /etc/routes}',
    '      volumes:',
    '      - name: routes',
    `        configMap: {name: ${app}-routes}`,
    '',
  ].join('\n');
}
