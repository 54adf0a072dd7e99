// Shapes shared by the generator's steps: what is read from the client package,
// and the JSON Schema subset that is written out.

/** The draft-07 subset the generator emits. Every keyword here is one ajv knows in strict mode. */
export interface SchemaNode {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  pattern?: string;
}

/** One entry of a generated model's static `attributeTypeMap`. */
export interface ModelAttribute {
  /** TypeScript property name (may be mangled, e.g. `_default`, `ref`, `x_kubernetes_list_type`). */
  name: string;
  /** JSON field name as it appears in a manifest (`default`, `$ref`, `x-kubernetes-list-type`). */
  baseName: string;
  /** TypeScript type text: `string`, `Array<V1Container>`, `{ [key: string]: string; }`… */
  type: string;
  /** OpenAPI format: `int32`, `int64`, `byte`, `date-time`, `int-or-string`, or empty. */
  format: string;
}

/** What a model's `.d.ts` says about one property. */
export interface DeclaredProperty {
  optional: boolean;
  description?: string;
}

/** What a model's `.d.ts` says about the class: its doc comment and its properties by TypeScript name. */
export interface ModelDeclaration {
  className: string;
  description?: string;
  properties: Map<string, DeclaredProperty>;
}

/** A model with its attribute types and docs merged, keyed by JSON field names. */
export interface ModelInfo {
  name: string;
  description?: string;
  properties: ModelProperty[];
}

export interface ModelProperty {
  jsonName: string;
  type: string;
  format: string;
  required: boolean;
  description?: string;
}

/** One built-in kind served by the API server. */
export interface KindEntry {
  /** API group; "" for the core group. */
  group: string;
  version: string;
  kind: string;
  /** Name of the client model (and of the generated definition). */
  model: string;
  namespaced: boolean;
}

/** The file written to schemas/generated/k8s-<minor>.json. */
export interface GeneratedSchemas {
  kubernetesVersion: string;
  provenance: {
    package: string;
    packageVersion: string;
    openapiSpecVersion: string;
    generatedBy: string;
  };
  kinds: Record<string, string>;
  namespaced: Record<string, boolean>;
  groups: Record<string, string[]>;
  definitions: Record<string, SchemaNode>;
}
