import { isPlainObject } from '../manifests';
import type { JsonSchema } from '../schema/schemaBundle';
import type { Manifest } from '../../simulator/model/source';
import { openApiToJsonSchema } from './openApiToJsonSchema';

/** One served version of a CustomResourceDefinition: what its custom resources are validated against. */
export interface CustomResourceSchema {
  /** `group/version` of the resources, e.g. `stable.example.com/v1`. */
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  /** The CRD's `metadata.name` (`crontabs.stable.example.com`). */
  crdName: string;
  /** The file that defines the CRD. */
  file: string;
  /** The version's `openAPIV3Schema` as a draft-07 JSON Schema (descriptions kept for hover). */
  schema: JsonSchema;
}

/**
 * The served versions of a CRD manifest (apiextensions.k8s.io/v1, and the removed v1beta1 shape
 * with a top-level `validation`). A version without a schema accepts anything, so it is skipped.
 */
export function customResourceSchemasOf(manifest: Manifest): CustomResourceSchema[] {
  const { object } = manifest;
  if (object.kind !== 'CustomResourceDefinition' || typeof object.apiVersion !== 'string' || !object.apiVersion.startsWith('apiextensions.k8s.io/')) return [];
  const spec = object.spec;
  if (!isPlainObject(spec) || typeof spec.group !== 'string' || !isPlainObject(spec.names) || typeof spec.names.kind !== 'string') return [];
  const { group } = spec;
  const kind = spec.names.kind;
  const namespaced = spec.scope !== 'Cluster';
  const crdName = typeof object.metadata?.name === 'string' ? object.metadata.name : `${String(spec.names.plural ?? kind)}.${group}`;
  const sharedSchema = isPlainObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const versions: Array<{ name: string; schema: unknown }> = [];
  if (Array.isArray(spec.versions)) {
    for (const version of spec.versions) {
      if (!isPlainObject(version) || typeof version.name !== 'string' || version.served === false) continue;
      const own = isPlainObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
      versions.push({ name: version.name, schema: own ?? sharedSchema });
    }
  } else if (typeof spec.version === 'string') versions.push({ name: spec.version, schema: sharedSchema });
  return versions
    .filter((v) => isPlainObject(v.schema))
    .map((v) => ({ apiVersion: `${group}/${v.name}`, kind, namespaced, crdName, file: manifest.source.file, schema: openApiToJsonSchema(v.schema) }));
}
