// Facts: fields the OpenAPI documents mark required that the API server does not require on create.
// The client models (and the OpenAPI they are generated from) call a field required when its Go
// field has no `omitempty`/`+optional`; the API server decides otherwise in two ways:
//
//   defaulted  — a `SetDefaults_*` function of the group fills the field in before validation;
//   zero value — the field's zero value (an empty selector, list or string, 0) passes validation.
//                For these, a later Kubernetes release fixed the marker and its OpenAPI no longer
//                lists the field as required: the older releases' lists are stale.
//
// `modelSchema` leaves these fields out of `required`, for every release (a field that no release
// requires is simply not in the list). Keyed by client model name and JSON field name; the value says
// why, with the upstream source. `schemas/generator/crosscheck.ts` expects these differences.
export const NOT_REQUIRED_BY_SERVER: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // rbac.authorization.k8s.io/v1
  V1RoleRef: {
    apiGroup: 'defaulted to rbac.authorization.k8s.io by SetDefaults_RoleBinding and SetDefaults_ClusterRoleBinding (pkg/apis/rbac/v1/defaults.go); optional in the 1.36 OpenAPI',
  },

  // batch/v1
  V1PodFailurePolicyOnPodConditionsPattern: {
    status: 'defaulted to True by SetDefaults_PodFailurePolicyOnPodConditionsPattern (pkg/apis/batch/v1/defaults.go); optional in the 1.36 OpenAPI',
  },

  // apps/v1
  V1StatefulSetSpec: { serviceName: 'zero value: ValidateStatefulSetSpec does not require it; optional in the 1.34 OpenAPI' },

  // networking.k8s.io/v1
  V1NetworkPolicySpec: { podSelector: 'zero value: an empty selector selects every pod of the namespace; optional in the 1.34 OpenAPI' },

  // discovery.k8s.io/v1
  V1EndpointSlice: { endpoints: 'zero value: a slice may have no endpoints; optional in the 1.36 OpenAPI' },

  // scheduling.k8s.io/v1
  V1PriorityClass: { value: 'zero value: a priority of 0 is valid; optional in the 1.36 OpenAPI' },

  // policy/v1 (status is reset on create; a status read back with `kubectl get -o yaml` may lack these)
  V1PodDisruptionBudgetStatus: {
    currentHealthy: 'zero value; optional in the 1.36 OpenAPI',
    desiredHealthy: 'zero value; optional in the 1.36 OpenAPI',
    disruptionsAllowed: 'zero value; optional in the 1.36 OpenAPI',
    expectedPods: 'zero value; optional in the 1.36 OpenAPI',
  },
};

export function requiredByServer(model: string, jsonName: string): boolean {
  return !Object.hasOwn(NOT_REQUIRED_BY_SERVER, model) || !Object.hasOwn(NOT_REQUIRED_BY_SERVER[model], jsonName);
}
