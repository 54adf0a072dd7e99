// Facts: which model properties hold a resource.Quantity. The client models type them as plain
// `string` (or a map / array of strings), so this table restores the information. It is the union
// over the three bundled releases, keyed by client model name and JSON field name; entries for
// models a release does not have are simply unused there. `schemas/generator/crosscheck.ts`
// verifies it against the official OpenAPI documents (both directions), per release.
//
// How the quantity sits in the property:
//   value — the property itself is a quantity          (`sizeLimit: 1Gi`)
//   map   — the property is a map of quantities         (`limits: {cpu: 500m}`)
//   list  — the property is an array of quantities      (`validValues: [1Gi, 2Gi]`)
export type QuantityShape = 'value' | 'map' | 'list';

export const QUANTITY_FIELDS: Readonly<Record<string, Readonly<Record<string, QuantityShape>>>> = {
  // autoscaling/v2
  V2HPAScalingRules: { tolerance: 'value' },
  V2MetricTarget: { averageValue: 'value', value: 'value' },
  V2MetricValueStatus: { averageValue: 'value', value: 'value' },

  // core/v1
  V1ContainerStatus: { allocatedResources: 'map' },
  V1EmptyDirVolumeSource: { sizeLimit: 'value' },
  V1LimitRangeItem: { default: 'map', defaultRequest: 'map', max: 'map', maxLimitRequestRatio: 'map', min: 'map' },
  V1NodeAllocatableResourceClaimStatus: { resources: 'map' },
  V1NodeStatus: { allocatable: 'map', capacity: 'map' },
  V1PersistentVolumeClaimStatus: { allocatedResources: 'map', capacity: 'map' },
  V1PersistentVolumeSpec: { capacity: 'map' },
  V1PodSpec: { overhead: 'map' },
  V1PodStatus: { allocatedResources: 'map' },
  V1ResourceFieldSelector: { divisor: 'value' },
  V1ResourceQuotaSpec: { hard: 'map' },
  V1ResourceQuotaStatus: { hard: 'map', used: 'map' },
  V1ResourceRequirements: { limits: 'map', requests: 'map' },
  V1VolumeResourceRequirements: { limits: 'map', requests: 'map' },

  // node.k8s.io/v1
  V1Overhead: { podFixed: 'map' },

  // storage.k8s.io/v1
  V1CSIStorageCapacity: { capacity: 'value', maximumVolumeSize: 'value' },

  // resource.k8s.io (v1, v1beta1, v1beta2, and v1alpha3 in 1.32)
  V1CapacityRequestPolicy: { default: 'value', validValues: 'list' },
  V1CapacityRequestPolicyRange: { max: 'value', min: 'value', step: 'value' },
  V1CapacityRequirements: { requests: 'map' },
  V1Counter: { value: 'value' },
  V1DeviceCapacity: { value: 'value' },
  V1DeviceRequestAllocationResult: { consumedCapacity: 'map' },
  V1NodeAllocatableResourceMapping: { allocationMultiplier: 'value' },
  V1beta1CapacityRequestPolicy: { default: 'value', validValues: 'list' },
  V1beta1CapacityRequestPolicyRange: { max: 'value', min: 'value', step: 'value' },
  V1beta1CapacityRequirements: { requests: 'map' },
  V1beta1Counter: { value: 'value' },
  V1beta1DeviceCapacity: { value: 'value' },
  V1beta1DeviceRequestAllocationResult: { consumedCapacity: 'map' },
  V1beta1NodeAllocatableResourceMapping: { allocationMultiplier: 'value' },
  V1beta2CapacityRequestPolicy: { default: 'value', validValues: 'list' },
  V1beta2CapacityRequestPolicyRange: { max: 'value', min: 'value', step: 'value' },
  V1beta2CapacityRequirements: { requests: 'map' },
  V1beta2Counter: { value: 'value' },
  V1beta2DeviceCapacity: { value: 'value' },
  V1beta2DeviceRequestAllocationResult: { consumedCapacity: 'map' },
  V1beta2NodeAllocatableResourceMapping: { allocationMultiplier: 'value' },
  V1alpha3BasicDevice: { capacity: 'map' },
};

export function quantityShape(model: string, jsonName: string): QuantityShape | undefined {
  const fields = QUANTITY_FIELDS[model];
  return fields && Object.hasOwn(fields, jsonName) ? fields[jsonName] : undefined;
}
