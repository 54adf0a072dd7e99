/** A JSON Schema (draft-07) node as the generator writes it. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  $ref?: string;
  anyOf?: JsonSchema[];
  pattern?: string;
  enum?: unknown[];
  [key: string]: unknown;
}

/** The generated schemas of one Kubernetes minor version (see schemas/README.md for the shape). */
export interface SchemaBundle {
  kubernetesVersion: string;
  provenance: Record<string, string>;
  /** `apiVersion/kind` (e.g. `apps/v1/Deployment`, `v1/Pod`) → definition name. */
  kinds: Record<string, string>;
  namespaced: Record<string, boolean>;
  /** Built-in API group (`""` for core) → versions served. */
  groups: Record<string, string[]>;
  definitions: Record<string, JsonSchema>;
}
