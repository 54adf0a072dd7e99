import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrdCatalog, type CrdCatalogFiles, type CrdCatalogIndex } from './language/crd/crdCatalog';
import { zlib } from './lazyNodeModules';

/**
 * Reads the offline CRD catalog (docs/crd-catalog.md) for CrdCatalog, which does no IO: next to the
 * bundled server/CLI, `dist/crd-catalog/index.json` and one brotli-compressed file per kind,
 * `<group>/<version>.<Kind>.json.br` (scripts/crdCatalog/buildCrdCatalog.mjs); run from sources, the
 * committed plain JSON of `schemas/crd-catalog/`, one file per API group. Each file is read when first
 * needed, never fetched.
 */
function catalogFolder(): string | undefined {
  const candidates = [join(__dirname, 'crd-catalog'), join(__dirname, '..', '..', 'schemas', 'crd-catalog'), join(process.cwd(), 'schemas', 'crd-catalog')];
  return candidates.find((folder) => existsSync(join(folder, 'index.json')));
}

function readJson(path: string, compressed: boolean): unknown {
  try {
    const bytes = readFileSync(path);
    return JSON.parse((compressed ? zlib().brotliDecompressSync(bytes) : bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The catalog's files in `folder` (by default the bundled or source folder). */
export function crdCatalogFiles(folder: string | undefined = catalogFolder()): CrdCatalogFiles {
  const sourceGroups = new Map<string, Record<string, unknown> | undefined>();
  return {
    index(): CrdCatalogIndex | undefined {
      const index = folder ? readJson(join(folder, 'index.json'), false) : undefined;
      return isRecord(index) && isRecord(index.kinds) ? (index as unknown as CrdCatalogIndex) : undefined;
    },
    schema(group: string, key: string): unknown {
      const [version, kind] = key.split('/').slice(-2);
      if (!folder || !/^[a-z0-9][a-z0-9.-]*$/.test(group) || group.includes('..') || key !== `${group}/${version}/${kind}` || !/^[a-z0-9]+$/.test(version) || !/^[A-Za-z0-9]+$/.test(kind)) return undefined;
      const compressed = join(folder, group, `${version}.${kind}.json.br`);
      if (existsSync(compressed)) return readJson(compressed, true);
      // From sources: the group's file, read once.
      if (!sourceGroups.has(group)) {
        const read = readJson(join(folder, `${group}.json`), false);
        sourceGroups.set(group, isRecord(read) ? read : undefined);
      }
      const schemas = sourceGroups.get(group);
      return schemas && Object.hasOwn(schemas, key) ? schemas[key] : undefined;
    },
  };
}

/** A catalog over the bundled files: what the server and the CLI use unless it is turned off. */
export function crdCatalogFromFiles(): CrdCatalog {
  return new CrdCatalog(crdCatalogFiles());
}
