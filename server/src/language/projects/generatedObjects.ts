import { isPlainObject } from '../manifests';
import type { ParsedFile } from '../parse/parseFile';
import type { Manifest } from '../../simulator/model/source';

const GENERATORS: ReadonlyArray<{ field: string; kind: string }> = [
  { field: 'configMapGenerator', kind: 'ConfigMap' },
  { field: 'secretGenerator', kind: 'Secret' },
];

/**
 * The ConfigMaps and Secrets a kustomization generates, as objects for the cross-resource rules: a
 * Deployment of a base that names a generated ConfigMap refers to an object that exists once built
 * (kustomize rewrites the reference to the generated name, prefix and hash included). Until the build
 * is rendered, the objects of a base are seen in the namespace they name (else `default`), not in the
 * overlay's: each generated object is there in the generator's namespace (else the kustomization's)
 * and in `default`. `file` is the source the findings point at (the kustomization's path or URI).
 */
export function generatedObjects(file: string, parsed: ParsedFile): Manifest[] {
  const result: Manifest[] = [];
  parsed.documents.forEach((doc, document) => {
    const value = doc.value;
    if (!isPlainObject(value)) return;
    const namespace = typeof value.namespace === 'string' && value.namespace !== '' ? value.namespace : undefined;
    for (const { field, kind } of GENERATORS) {
      const generators = value[field];
      if (!Array.isArray(generators)) continue;
      generators.forEach((generator, index) => {
        if (!isPlainObject(generator) || typeof generator.name !== 'string') return;
        const own = typeof generator.namespace === 'string' && generator.namespace !== '' ? generator.namespace : namespace;
        for (const ns of own === undefined ? [undefined] : [own, undefined]) {
          const metadata = ns === undefined ? { name: generator.name } : { name: generator.name, namespace: ns };
          result.push({ source: { file, document, path: [field, index] }, object: { apiVersion: 'v1', kind, metadata } });
        }
      });
    }
  });
  return result;
}
