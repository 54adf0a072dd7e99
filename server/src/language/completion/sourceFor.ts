import type { CrdRegistry } from '../crd/crdRegistry';
import type { SchemaBundle } from '../schema/schemaBundle';
import { builtinSource, crdSource, type SchemaSource } from './schemaSource';

/** The schema of an apiVersion/kind: built in, or from a workspace CRD; undefined when unknown. */
export function sourceFor(bundle: SchemaBundle, crds: CrdRegistry | undefined, apiVersion: string | undefined, kind: string | undefined): SchemaSource | undefined {
  if (!apiVersion || !kind) return undefined;
  const definition = bundle.kinds[`${apiVersion}/${kind}`];
  if (definition) return builtinSource(bundle, apiVersion, kind, definition);
  const crd = crds?.lookup(apiVersion, kind);
  return crd ? crdSource(crd) : undefined;
}
