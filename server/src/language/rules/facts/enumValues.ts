/**
 * The allowed values of Kubernetes' enumerated string fields. The OpenAPI documents stopped listing
 * enums (the API server still enforces them in Go), so this is a facts table, keyed by
 * `<Type>.<field>` with the type named without its version prefix (`ContainerPort`, not
 * `V1ContainerPort`). For a list field (`policyTypes`) the values apply to each item.
 */
export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  'ContainerPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'EndpointPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'NetworkPolicyPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'PodSpec.preemptionPolicy': ['PreemptLowerPriority', 'Never'],
  'PodOS.name': ['linux', 'windows'],
  'ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  'ServiceSpec.ipFamilies': ['IPv4', 'IPv6'],
  'NetworkPolicySpec.policyTypes': ['Ingress', 'Egress'],
  'Taint.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'Toleration.operator': ['Exists', 'Equal'],
  'LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'NodeSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  'TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'DeploymentStrategy.type': ['RollingUpdate', 'Recreate'],
  'DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Retain', 'Delete'],
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Retain', 'Delete'],
  'HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'HTTPIngressPath.pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  'PersistentVolumeClaimSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'PersistentVolumeSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'PersistentVolumeClaimSpec.volumeMode': ['Filesystem', 'Block'],
  'PersistentVolumeSpec.volumeMode': ['Filesystem', 'Block'],
  'PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'StorageClass.reclaimPolicy': ['Retain', 'Delete'],
  'StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  'JobSpec.completionMode': ['NonIndexed', 'Indexed'],
  'JobSpec.podReplacementPolicy': ['TerminatingOrFailed', 'Failed'],
  'PodFailurePolicyRule.action': ['FailJob', 'FailIndex', 'Ignore', 'Count'],
  'PodFailurePolicyOnExitCodesRequirement.operator': ['In', 'NotIn'],
  'CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'SeccompProfile.type': ['RuntimeDefault', 'Unconfined', 'Localhost'],
  'AppArmorProfile.type': ['RuntimeDefault', 'Unconfined', 'Localhost'],
  'VolumeMount.mountPropagation': ['None', 'HostToContainer', 'Bidirectional'],
  'HostPathVolumeSource.type': ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  'LimitRangeItem.type': ['Pod', 'Container', 'PersistentVolumeClaim'],
  'ContainerResizePolicy.restartPolicy': ['NotRequired', 'RestartContainer'],
  'MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
  'HPAScalingRules.selectPolicy': ['Max', 'Min', 'Disabled'],
  'HPAScalingPolicy.type': ['Pods', 'Percent'],
  'PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
  'PriorityClass.preemptionPolicy': ['PreemptLowerPriority', 'Never'],
  'Subject.kind': ['User', 'Group', 'ServiceAccount'],
  'CustomResourceDefinitionSpec.scope': ['Namespaced', 'Cluster'],
  'JSONSchemaProps.type': ['array', 'boolean', 'integer', 'number', 'object', 'string'],
};

/** The same table by type, then field: a lookup builds no string. */
const BY_OWNER: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = (() => {
  const owners = new Map<string, Map<string, readonly string[]>>();
  for (const [key, values] of Object.entries(ENUM_VALUES)) {
    const dot = key.indexOf('.');
    const owner = key.slice(0, dot);
    let fields = owners.get(owner);
    if (!fields) owners.set(owner, (fields = new Map()));
    fields.set(key.slice(dot + 1), values);
  }
  return owners;
})();

/** The allowed values of a field (`ownerDisplayName` is the type without its version prefix: `ContainerPort`). */
export function enumValuesOf(ownerDisplayName: string | undefined, field: string | undefined): readonly string[] | undefined {
  if (!ownerDisplayName || !field) return undefined;
  return BY_OWNER.get(ownerDisplayName)?.get(field);
}
