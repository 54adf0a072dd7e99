import type { CustomResourceSchema } from '../crd/customResourceSchema';
import type { JsonSchema, SchemaBundle } from '../schema/schemaBundle';

/**
 * Where the schema of the object under the cursor comes from: a built-in kind's definition in the
 * bundle, or a CRD's served version. Completion, hover and quick fixes walk either the same way.
 */
export interface SchemaSource {
  /** The object's schema (a `$ref` to the kind's definition, or the CRD's inline schema). */
  root: JsonSchema;
  /** Follows `$ref`s (identity for CRD schemas, which have none). */
  deref(schema: JsonSchema | undefined): JsonSchema | undefined;
  /** The definition a schema refers to (`V1Container`), when it is a reference. */
  refName(schema: JsonSchema | undefined): string | undefined;
  origin: { type: 'builtin'; kubernetesVersion: string; apiVersion: string; kind: string; definition: string } | { type: 'crd'; apiVersion: string; kind: string; crdName: string };
}

export function builtinSource(bundle: SchemaBundle, apiVersion: string, kind: string, definition: string): SchemaSource {
  const refName = (schema: JsonSchema | undefined): string | undefined => schema?.$ref?.replace(/^.*#\/definitions\//, '');
  return {
    root: { $ref: `#/definitions/${definition}` },
    deref(schema) {
      let current = schema;
      for (let i = 0; current?.$ref && i < 8; i++) current = bundle.definitions[refName(current) ?? ''];
      return current;
    },
    refName,
    origin: { type: 'builtin', kubernetesVersion: bundle.kubernetesVersion, apiVersion, kind, definition },
  };
}

export function crdSource(schema: CustomResourceSchema): SchemaSource {
  return {
    root: schema.schema,
    deref: (s) => s,
    refName: () => undefined,
    origin: { type: 'crd', apiVersion: schema.apiVersion, kind: schema.kind, crdName: schema.crdName },
  };
}
