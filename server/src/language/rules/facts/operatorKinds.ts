/**
 * Custom resource kinds whose operators create pods (`group/kind`): a Service in the namespace of such an
 * object may select pods no manifest describes. Well-known operators only; a custom resource of another
 * kind counts when its spec carries the Service's selector labels.
 */
export const POD_CREATING_CUSTOM_KINDS: ReadonlySet<string> = new Set([
  'monitoring.coreos.com/Prometheus',
  'monitoring.coreos.com/PrometheusAgent',
  'monitoring.coreos.com/Alertmanager',
  'monitoring.coreos.com/ThanosRuler',
  'argoproj.io/Rollout',
  'elasticsearch.k8s.elastic.co/Elasticsearch',
  'kibana.k8s.elastic.co/Kibana',
  'kafka.strimzi.io/Kafka',
  'kafka.strimzi.io/KafkaConnect',
  'kafka.strimzi.io/KafkaMirrorMaker2',
  'kafka.strimzi.io/KafkaBridge',
  'postgresql.cnpg.io/Cluster',
  'acid.zalan.do/postgresql',
  'ray.io/RayCluster',
  'ray.io/RayService',
  'serving.knative.dev/Service',
  'operator.tigera.io/Installation',
]);

/**
 * Whether an API group is one of a custom resource: it has a dot and is not a `*.k8s.io` group of
 * Kubernetes itself (the core group is '', the other built-in groups without a dot are apps, batch,
 * autoscaling, policy, extensions). `*.x-k8s.io` groups are custom.
 */
export function isCustomGroup(group: string): boolean {
  return group.includes('.') && !group.endsWith('.k8s.io');
}
