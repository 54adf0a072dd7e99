// Dev-time only (used by crosscheck.ts): reads an official Kubernetes swagger 2.0 document and
// answers the questions the cross-check asks of it — which definition a client model came from,
// which kinds are served as resources, which properties are quantities.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { apiVersionOf, parseResourcePath } from './apiGroups';

export interface SwaggerSchema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, SwaggerSchema>;
  required?: string[];
  additionalProperties?: boolean | SwaggerSchema;
  items?: SwaggerSchema;
  allOf?: SwaggerSchema[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

interface SwaggerOperation {
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string };
  responses?: Record<string, { schema?: SwaggerSchema }>;
}

export interface SwaggerDocument {
  definitions: Record<string, SwaggerSchema>;
  paths: Record<string, Record<string, SwaggerOperation | unknown>>;
}

export const QUANTITY_KEY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING_KEY = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

export function loadSwagger(path: string): SwaggerDocument {
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(text) as SwaggerDocument;
}

export const definitionKey = (ref: string): string => ref.replace('#/definitions/', '');

/** The definition a property schema refers to (`$ref` or a one-element `allOf`), if any. */
export function refOf(schema: SwaggerSchema): string | undefined {
  if (schema.$ref) return definitionKey(schema.$ref);
  if (schema.allOf?.length === 1 && schema.allOf[0].$ref) return definitionKey(schema.allOf[0].$ref);
  return undefined;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The client model generated from a swagger definition: `<Version><Kind>` (`io.k8s.api.apps.v1.Deployment`
 * → `V1Deployment`), or `<Group><Version><Kind>` where the short name would collide
 * (`io.k8s.api.core.v1.Event` → `CoreV1Event`). Undefined when the client has neither.
 */
export function clientModelName(key: string, clientModels: ReadonlySet<string>): string | undefined {
  const parts = key.split('.');
  if (parts.length < 3) return undefined;
  const [group, version, kind] = parts.slice(-3);
  const qualified = `${capitalize(group)}${capitalize(version)}${kind}`;
  const short = `${capitalize(version)}${kind}`;
  if (clientModels.has(qualified)) return qualified;
  if (clientModels.has(short)) return short;
  return undefined;
}

export interface SwaggerKind {
  key: string;
  definition: string;
  namespaced: boolean;
}

/**
 * Kinds the swagger serves as resources: the GVK of operations on resource paths (the same path
 * shapes the generator accepts), plus the list kind returned by each `list` operation.
 */
export function swaggerResourceKinds(swagger: SwaggerDocument): Map<string, SwaggerKind> {
  const gvkDefinitions = swaggerTaggedKinds(swagger);
  const kinds = new Map<string, SwaggerKind>();
  const add = (kindKey: string, namespaced: boolean): void => {
    const definition = gvkDefinitions.get(kindKey);
    if (!definition) throw new Error(`swagger serves ${kindKey} but no definition carries that GVK`);
    const known = kinds.get(kindKey);
    kinds.set(kindKey, { key: kindKey, definition, namespaced: namespaced || (known?.namespaced ?? false) });
  };
  for (const [path, item] of Object.entries(swagger.paths)) {
    const resource = parseResourcePath(path);
    if (!resource) continue;
    for (const operation of Object.values(item) as SwaggerOperation[]) {
      const gvk = operation?.['x-kubernetes-group-version-kind'];
      const action = operation?.['x-kubernetes-action'];
      if (!gvk || (action !== 'get' && action !== 'list' && action !== 'post')) continue;
      if (action === 'list') {
        const listRef = operation.responses?.['200']?.schema;
        const listKey = listRef ? refOf(listRef) : undefined;
        for (const listGvk of (listKey && swagger.definitions[listKey]?.['x-kubernetes-group-version-kind']) || []) {
          add(`${apiVersionOf(listGvk.group, listGvk.version)}/${listGvk.kind}`, resource.namespaced);
        }
      } else {
        add(`${apiVersionOf(gvk.group, gvk.version)}/${gvk.kind}`, resource.namespaced);
      }
    }
  }
  return kinds;
}

/** Every `apiVersion/kind` any swagger definition is tagged with, to definition key. */
export function swaggerTaggedKinds(swagger: SwaggerDocument): Map<string, string> {
  const tagged = new Map<string, string>();
  for (const [key, definition] of Object.entries(swagger.definitions)) {
    for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
      tagged.set(`${apiVersionOf(gvk.group, gvk.version)}/${gvk.kind}`, key);
    }
  }
  return tagged;
}
