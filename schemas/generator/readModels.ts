// Loads every current model of one installed client release: attribute types from the `.js`
// files, required-ness and descriptions from the `.d.ts` files, merged by property.
//
// Only models listed in `models/all.d.ts` count: the published packages also carry stale files
// left over from earlier spec versions (e.g. `V1alpha2ResourceClaim` in 2.0.1), which the package
// no longer exports and which carry an older `OpenAPI spec version` header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAttributeTypeMap } from './parseAttributeTypeMap';
import { parseModelDeclaration, readSpecVersion } from './parseModelDeclaration';
import type { ModelAttribute, ModelDeclaration, ModelInfo } from './types';

/** Model class names exported by `models/all.d.ts` (`export * from '../models/V1Pod.js';`). */
export function listExportedModels(allDts: string): string[] {
  const names = [...allDts.matchAll(/from '\.\.\/models\/(\w+)\.js'/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

/** Joins the attribute list and the declaration of one model; throws if they disagree. */
export function mergeModel(name: string, attributes: ModelAttribute[], declaration: ModelDeclaration): ModelInfo {
  if (declaration.className !== name) {
    throw new Error(`${name}: declaration declares class ${declaration.className}`);
  }
  const declared = new Set(declaration.properties.keys());
  const properties = attributes.map((attribute) => {
    const property = declaration.properties.get(attribute.name);
    if (!property) throw new Error(`${name}.${attribute.name}: in attributeTypeMap but not declared`);
    declared.delete(attribute.name);
    return {
      jsonName: attribute.baseName,
      type: attribute.type,
      format: attribute.format,
      required: !property.optional,
      ...(property.description !== undefined ? { description: property.description } : {}),
    };
  });
  if (declared.size > 0) throw new Error(`${name}: declared but not in attributeTypeMap: ${[...declared].join(', ')}`);
  return { name, ...(declaration.description !== undefined ? { description: declaration.description } : {}), properties };
}

export interface LoadedModels {
  models: Map<string, ModelInfo>;
  /** Spec version from the model files' headers (all current models agree on it). */
  specVersion: string;
}

/** Reads all models below `<genDir>/models`. */
export function readModels(genDir: string): LoadedModels {
  const modelsDir = join(genDir, 'models');
  const names = listExportedModels(readFileSync(join(modelsDir, 'all.d.ts'), 'utf8'));
  const models = new Map<string, ModelInfo>();
  const specVersions = new Set<string>();
  for (const name of names) {
    const js = readFileSync(join(modelsDir, `${name}.js`), 'utf8');
    const dts = readFileSync(join(modelsDir, `${name}.d.ts`), 'utf8');
    const specVersion = readSpecVersion(dts);
    if (specVersion) specVersions.add(specVersion);
    models.set(name, mergeModel(name, parseAttributeTypeMap(js, name), parseModelDeclaration(dts)));
  }
  if (specVersions.size !== 1) {
    throw new Error(`${modelsDir}: expected one OpenAPI spec version, found ${[...specVersions].join(', ') || 'none'}`);
  }
  return { models, specVersion: [...specVersions][0] };
}
