import { isPlainObject } from '../../../manifests';
import type { Manifest } from '../../../../simulator/model/source';

/**
 * ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding (admissionregistration.k8s.io/v1),
 * read from their manifests into the fields the evaluation needs. Fields of the wrong type are read
 * as absent: schema validation reports them.
 */

const API_VERSIONS = new Set(['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1']);

/** One entry of `resourceRules` / `excludeResourceRules` (a NamedRuleWithOperations). */
export interface ResourceRule {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  resourceNames: string[];
  /** `Cluster`, `Namespaced` or `*` (the default). */
  scope: string;
}

/** `matchConstraints` of a policy, `matchResources` of a binding. */
export interface MatchResources {
  namespaceSelector: unknown;
  objectSelector: unknown;
  resourceRules: ResourceRule[];
  excludeResourceRules: ResourceRule[];
  /** `Equivalent` (the default) also matches a rule listing another version of the same resource. */
  equivalent: boolean;
}

export interface PolicyValidation {
  expression: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
}

export interface AdmissionPolicy {
  name: string;
  manifest: Manifest;
  paramKind?: { apiVersion: string; kind: string };
  matchConstraints?: MatchResources;
  matchConditions: Array<{ name: string; expression: string }>;
  variables: Array<{ name: string; expression: string }>;
  validations: PolicyValidation[];
  auditAnnotations: Array<{ key: string; valueExpression: string }>;
  /** `Fail` (the default) or `Ignore`: what the API server does when an expression errors. */
  failurePolicy: string;
}

export interface PolicyParamRef {
  name?: string;
  namespace?: string;
  selector?: unknown;
  /** `Allow` or `Deny` (when unset, as `Deny`). */
  parameterNotFoundAction: string;
}

export interface PolicyBinding {
  name: string;
  manifest: Manifest;
  policyName: string;
  paramRef?: PolicyParamRef;
  matchResources?: MatchResources;
  validationActions: string[];
}

export function readPolicy(manifest: Manifest): AdmissionPolicy | undefined {
  const { object } = manifest;
  const name = object.metadata?.name;
  if (object.kind !== 'ValidatingAdmissionPolicy' || !API_VERSIONS.has(String(object.apiVersion)) || typeof name !== 'string' || !isPlainObject(object.spec)) return undefined;
  const spec = object.spec;
  const paramKind = isPlainObject(spec.paramKind) && typeof spec.paramKind.apiVersion === 'string' && typeof spec.paramKind.kind === 'string' ? { apiVersion: spec.paramKind.apiVersion, kind: spec.paramKind.kind } : undefined;
  return {
    name,
    manifest,
    paramKind,
    matchConstraints: readMatchResources(spec.matchConstraints),
    matchConditions: records(spec.matchConditions).flatMap((c) => (typeof c.name === 'string' && typeof c.expression === 'string' ? [{ name: c.name, expression: c.expression }] : [])),
    variables: records(spec.variables).flatMap((v) => (typeof v.name === 'string' && typeof v.expression === 'string' ? [{ name: v.name, expression: v.expression }] : [])),
    validations: records(spec.validations).flatMap((v) =>
      typeof v.expression === 'string' ? [{ expression: v.expression, message: text(v.message), messageExpression: text(v.messageExpression), reason: text(v.reason), fieldPath: text(v.fieldPath) }] : [],
    ),
    auditAnnotations: records(spec.auditAnnotations).flatMap((a) => (typeof a.key === 'string' && typeof a.valueExpression === 'string' ? [{ key: a.key, valueExpression: a.valueExpression }] : [])),
    failurePolicy: text(spec.failurePolicy) ?? 'Fail',
  };
}

export function readBinding(manifest: Manifest): PolicyBinding | undefined {
  const { object } = manifest;
  const name = object.metadata?.name;
  if (object.kind !== 'ValidatingAdmissionPolicyBinding' || !API_VERSIONS.has(String(object.apiVersion)) || typeof name !== 'string' || !isPlainObject(object.spec)) return undefined;
  const spec = object.spec;
  if (typeof spec.policyName !== 'string') return undefined;
  const ref = spec.paramRef;
  const paramRef = isPlainObject(ref) ? { name: text(ref.name), namespace: text(ref.namespace), selector: ref.selector, parameterNotFoundAction: text(ref.parameterNotFoundAction) ?? 'Deny' } : undefined;
  return { name, manifest, policyName: spec.policyName, paramRef, matchResources: readMatchResources(spec.matchResources), validationActions: strings(spec.validationActions) };
}

function readMatchResources(raw: unknown): MatchResources | undefined {
  if (!isPlainObject(raw)) return undefined;
  return {
    namespaceSelector: raw.namespaceSelector,
    objectSelector: raw.objectSelector,
    resourceRules: records(raw.resourceRules).map(readRule),
    excludeResourceRules: records(raw.excludeResourceRules).map(readRule),
    equivalent: raw.matchPolicy !== 'Exact',
  };
}

function readRule(raw: Record<string, unknown>): ResourceRule {
  return {
    apiGroups: strings(raw.apiGroups),
    apiVersions: strings(raw.apiVersions),
    resources: strings(raw.resources),
    operations: strings(raw.operations),
    resourceNames: strings(raw.resourceNames),
    scope: text(raw.scope) ?? '*',
  };
}

function records(raw: unknown): Array<Record<string, unknown>> {
  return Array.isArray(raw) ? raw.filter(isPlainObject) : [];
}

function strings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : [];
}

function text(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}
