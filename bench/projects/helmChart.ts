import { appConfigMap, appDeployment, appService, cronJob, dbService, dbStatefulSet, HELPERS, SERVICE_ACCOUNT } from './helmChartTemplates';
import { pad, writeAll } from './projectFiles';

/**
 * The chart `npm run bench -- render` renders (the overlay is kustomizeOverlay.ts), written into a
 * folder at bench time (deterministic). Valid as written: rendered, validated and dry-run on the default
 * cluster, it gives no finding (the benchmark checks that, so a change that breaks it shows).
 */

const CHART_APPS = 10; // a Deployment, a Service and a ConfigMap each: 30 templates
const CHART_DATABASES = 3; // a StatefulSet and its headless Service each: 6 templates
const CHART_CRONJOBS = 3; // + one ServiceAccount template = 40 templates

/** A 40-template Helm chart in `dir` (Chart.yaml, values.yaml, templates/_helpers.tpl, 40 templates). */
export function writeHelmChart(dir: string): { templates: number } {
  const files = new Map<string, string>();
  files.set('Chart.yaml', ['apiVersion: v2', 'name: bench', 'description: A generated chart for the render benchmark', 'type: application', 'version: 0.3.0', 'appVersion: "1.4.0"', ''].join('\n'));
  files.set('values.yaml', chartValues());
  files.set('templates/_helpers.tpl', HELPERS);
  files.set('templates/serviceaccount.yaml', SERVICE_ACCOUNT);
  for (let i = 0; i < CHART_APPS; i++) {
    const app = `app${pad(i, 2)}`;
    files.set(`templates/${app}-deployment.yaml`, appDeployment(app));
    files.set(`templates/${app}-service.yaml`, appService(app));
    files.set(`templates/${app}-configmap.yaml`, appConfigMap(app));
  }
  for (let i = 0; i < CHART_DATABASES; i++) {
    const db = `db${i}`;
    files.set(`templates/${db}-statefulset.yaml`, dbStatefulSet(db));
    files.set(`templates/${db}-service.yaml`, dbService(db));
  }
  for (let i = 0; i < CHART_CRONJOBS; i++) files.set(`templates/job${i}-cronjob.yaml`, cronJob(`job${i}`));
  writeAll(dir, files);
  return { templates: [...files.keys()].filter((f) => f.startsWith('templates/') && !f.endsWith('.tpl')).length };
}

function chartValues(): string {
  const lines = [
    'global:',
    '  registry: registry.example.com',
    '  imagePullPolicy: IfNotPresent',
    'commonLabels:',
    '  team: platform',
    '  cost-center: "4711"',
    'serviceAccount:',
    '  create: true',
    '  annotations:',
    '    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/bench',
    'podSecurityContext:',
    '  runAsNonRoot: true',
    '  runAsUser: 10001',
    '  seccompProfile:',
    '    type: RuntimeDefault',
    'containerSecurityContext:',
    '  allowPrivilegeEscalation: false',
    '  readOnlyRootFilesystem: true',
    '  capabilities:',
    '    drop: ["ALL"]',
    'apps:',
  ];
  for (let i = 0; i < CHART_APPS; i++) {
    lines.push(
      `  app${pad(i, 2)}:`,
      '    enabled: true',
      `    replicas: ${1 + (i % 3)}`,
      '    image:',
      `      repository: app${pad(i, 2)}`,
      `      tag: "1.${i}.0"`,
      `    port: ${8080 + i}`,
      `    serviceType: ${i % 4 === 0 ? 'NodePort' : 'ClusterIP'}`,
      `    probes: ${i % 5 !== 4}`,
      '    annotations:',
      `      prometheus.io/scrape: "${i % 2 === 0}"`,
      '    env:',
      '      LOG_LEVEL: info',
      `      WORKERS: "${2 + (i % 4)}"`,
      `      UPSTREAM: http://release-name-bench-app${pad((i + 1) % CHART_APPS, 2)}:${8080 + ((i + 1) % CHART_APPS)}`,
      '    config:',
      `      cache.ttl: "${60 * (i + 1)}s"`,
      '      feature.flags: "search,checkout"',
      `      pool.size: "${10 + i}"`,
      '    resources:',
      '      requests:',
      '        cpu: 50m',
      '        memory: 64Mi',
      '      limits:',
      '        memory: 128Mi',
    );
  }
  lines.push('databases:');
  for (let i = 0; i < CHART_DATABASES; i++) {
    lines.push(
      `  db${i}:`,
      '    replicas: 3',
      '    image: postgres:16.4',
      '    port: 5432',
      '    storage: 10Gi',
      '    resources:',
      '      requests:',
      '        cpu: 100m',
      '        memory: 256Mi',
      '      limits:',
      '        memory: 512Mi',
    );
  }
  lines.push('cronJobs:');
  for (let i = 0; i < CHART_CRONJOBS; i++) {
    lines.push(`  job${i}:`, `    schedule: "${5 * i} 2 * * *"`, '    args:', '      - report', `      - --since=${24 * (i + 1)}h`);
  }
  lines.push('');
  return lines.join('\n');
}
