/** Generates realistic multi-document manifest files for benchmarks (deterministic). */
export function generateManifests(documents: number): string {
  const docs: string[] = [];
  for (let i = 0; docs.length < documents; i++) {
    const app = `app-${i}`;
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${app}`,
        '  namespace: shop',
        `  labels: {app: ${app}, tier: backend}`,
        'spec:',
        '  replicas: 3',
        `  selector: {matchLabels: {app: ${app}}}`,
        '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}',
        '  template:',
        `    metadata: {labels: {app: ${app}, tier: backend}}`,
        '    spec:',
        '      containers:',
        `      - name: ${app}`,
        `        image: registry.example.com/${app}:1.${i % 10}.0`,
        '        ports: [{name: http, containerPort: 8080}]',
        '        env:',
        '        - {name: LOG_LEVEL, value: info}',
        '        resources:',
        '          requests: {cpu: 100m, memory: 128Mi}',
        '          limits: {memory: 256Mi}',
        '        readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 5}',
      ].join('\n'),
    );
    if (docs.length < documents)
      docs.push(['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${app}`, '  namespace: shop', 'spec:', `  selector: {app: ${app}}`, '  ports: [{name: http, port: 80, targetPort: http}]'].join('\n'));
    if (docs.length < documents)
      docs.push(['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${app}-config`, '  namespace: shop', 'data:', `  APP: ${app}`, '  FEATURE_X: "true"'].join('\n'));
    if (docs.length < documents)
      docs.push(
        ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${app}-debug`, '  namespace: shop', 'spec:', '  containers:', '  - name: shell', '    image: busybox:1.36', '    command: [sleep, "3600"]'].join('\n'),
      );
  }
  return docs.join('\n---\n') + '\n';
}
