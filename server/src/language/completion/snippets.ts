import * as l10n from '@vscode/l10n';

/**
 * Skeletons for new objects, offered where a document starts. Each names the apiVersion it is for;
 * completion offers it only when the chosen Kubernetes version serves that apiVersion and kind.
 * Bodies are snippet syntax; `$1`… are the places to fill in.
 */
export interface ObjectSnippet {
  kind: string;
  apiVersion: string;
  /** Read when completion offers it (in the reader's language). */
  description: () => string;
  body: string;
}

const NAME = '${1:name}';

export const OBJECT_SNIPPETS: readonly ObjectSnippet[] = [
  {
    kind: 'Pod',
    apiVersion: 'v1',
    description: () => l10n.t('A Pod with one container'),
    body: `metadata:\n  name: ${NAME}\n  labels:\n    app: ${NAME}\nspec:\n  containers:\n  - name: ${NAME}\n    image: \${2:nginx:1.27}\n    ports:\n    - containerPort: \${3:80}\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi\n`,
  },
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    description: () => l10n.t('A Deployment with a selector matching its template'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  replicas: \${2:2}\n  selector:\n    matchLabels:\n      app: ${NAME}\n  template:\n    metadata:\n      labels:\n        app: ${NAME}\n    spec:\n      containers:\n      - name: ${NAME}\n        image: \${3:nginx:1.27}\n        ports:\n        - containerPort: \${4:80}\n        resources:\n          requests:\n            cpu: 100m\n            memory: 128Mi\n          limits:\n            memory: 128Mi\n`,
  },
  {
    kind: 'Service',
    apiVersion: 'v1',
    description: () => l10n.t('A ClusterIP Service selecting pods by label'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  type: \${2|ClusterIP,NodePort,LoadBalancer|}\n  selector:\n    app: \${3:${NAME}}\n  ports:\n  - name: http\n    port: \${4:80}\n    targetPort: \${5:80}\n`,
  },
  {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    description: () => l10n.t('A NetworkPolicy allowing ingress from pods with a label'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  podSelector:\n    matchLabels:\n      app: \${2:app}\n  policyTypes:\n  - Ingress\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: \${3:client}\n    ports:\n    - protocol: TCP\n      port: \${4:80}\n`,
  },
  { kind: 'ConfigMap', apiVersion: 'v1', description: () => l10n.t('A ConfigMap'), body: `metadata:\n  name: ${NAME}\ndata:\n  \${2:key}: \${3:value}\n` },
  { kind: 'Secret', apiVersion: 'v1', description: () => l10n.t('An Opaque Secret with plain-text stringData'), body: `metadata:\n  name: ${NAME}\ntype: Opaque\nstringData:\n  \${2:key}: \${3:value}\n` },
  {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    description: () => l10n.t('An Ingress routing a host to a Service'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  rules:\n  - host: \${2:example.com}\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: \${3:service}\n            port:\n              number: \${4:80}\n`,
  },
  {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    description: () => l10n.t('A StatefulSet with a volume claim template'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  serviceName: ${NAME}\n  replicas: \${2:3}\n  selector:\n    matchLabels:\n      app: ${NAME}\n  template:\n    metadata:\n      labels:\n        app: ${NAME}\n    spec:\n      containers:\n      - name: ${NAME}\n        image: \${3:image:tag}\n        volumeMounts:\n        - name: data\n          mountPath: /data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: \${4:1Gi}\n`,
  },
  {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    description: () => l10n.t('A DaemonSet running one pod per node'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  selector:\n    matchLabels:\n      app: ${NAME}\n  template:\n    metadata:\n      labels:\n        app: ${NAME}\n    spec:\n      containers:\n      - name: ${NAME}\n        image: \${2:image:tag}\n`,
  },
  {
    kind: 'Job',
    apiVersion: 'batch/v1',
    description: () => l10n.t('A Job running a command to completion'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  backoffLimit: \${2:4}\n  template:\n    spec:\n      restartPolicy: \${3|Never,OnFailure|}\n      containers:\n      - name: ${NAME}\n        image: \${4:busybox:1.36}\n        command: [\${5:"sh", "-c", "echo done"}]\n`,
  },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    description: () => l10n.t('A CronJob on a schedule'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  schedule: "\${2:*/5 * * * *}"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: ${NAME}\n            image: \${3:busybox:1.36}\n`,
  },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    description: () => l10n.t('A PersistentVolumeClaim'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  accessModes:\n  - \${2|ReadWriteOnce,ReadOnlyMany,ReadWriteMany,ReadWriteOncePod|}\n  resources:\n    requests:\n      storage: \${3:1Gi}\n`,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    description: () => l10n.t('An autoscaler on CPU utilisation'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: \${2:deployment}\n  minReplicas: \${3:2}\n  maxReplicas: \${4:10}\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: Utilization\n        averageUtilization: \${5:80}\n`,
  },
  {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    description: () => l10n.t('A PodDisruptionBudget keeping one pod unavailable at most'),
    body: `metadata:\n  name: ${NAME}\nspec:\n  maxUnavailable: \${2:1}\n  selector:\n    matchLabels:\n      app: \${3:app}\n`,
  },
  { kind: 'ServiceAccount', apiVersion: 'v1', description: () => l10n.t('A ServiceAccount'), body: `metadata:\n  name: ${NAME}\n` },
  { kind: 'Namespace', apiVersion: 'v1', description: () => l10n.t('A Namespace'), body: `metadata:\n  name: ${NAME}\n` },
];
