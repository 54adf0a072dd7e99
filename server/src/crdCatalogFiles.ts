import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrdCatalog, type CrdCatalogFiles, type CrdCatalogIndex } from './language/crd/crdCatalog';
import { zlib } from './lazyNodeModules';

/**
 * Reads the offline CRD catalog (docs/crd-catalog.md) for CrdCatalog, which does no IO: next to the
 * bundled server/CLI, `dist/crd-catalog/index.json` and one brotli-compressed `<group>.json.br` per
 * API group (scripts/crdCatalog/buildCrdCatalog.mjs); run from sources, the committed plain JSON of
 * `schemas/crd-catalog/`. Each file is read when first needed, never fetched.
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
  return {
    index(): CrdCatalogIndex | undefined {
      const index = folder ? readJson(join(folder, 'index.json'), false) : undefined;
      return isRecord(index) && isRecord(index.kinds) ? (index as unknown as CrdCatalogIndex) : undefined;
    },
    group(name: string): Record<string, unknown> | undefined {
      if (!folder || !/^[a-z0-9.-]+$/.test(name)) return undefined;
      const compressed = join(folder, `${name}.json.br`);
      const group = existsSync(compressed) ? readJson(compressed, true) : readJson(join(folder, `${name}.json`), false);
      return isRecord(group) ? group : undefined;
    },
  };
}

/** A catalog over the bundled files: what the server and the CLI use unless it is turned off. */
export function crdCatalogFromFiles(): CrdCatalog {
  return new CrdCatalog(crdCatalogFiles());
}
