import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { ajvClass } from '../schema/ajvLibrary';
import { stableJson } from '../../simulator/model/stableJson';
import type { Manifest } from '../../simulator/model/source';
import type { Expr } from './cel/parser';
import type { CrdCatalog } from './crdCatalog';
import { customResourceSchemasOf, type CustomResourceSchema } from './customResourceSchema';
import { CRD_AJV_OPTIONS } from './validator/crdAjvOptions';
import { crdValidator } from './validator/crdValidator';
import type { CrdValidate } from './validator/interpretSchema';

/**
 * The CustomResourceDefinitions the workspace defines, by the file that defines them. The server
 * feeds it the manifests of open documents and of workspace files; the language service looks custom
 * resources up in it. Owned by one language service (never module-level).
 *
 * When two files define the same group/version/kind, the one set last wins; a group/version/kind no
 * file defines is looked up in the offline catalog, when its owner gives one (`setCatalog`).
 */
export class CrdRegistry {
  private readonly byFile = new Map<string, CustomResourceSchema[]>();
  private readonly fingerprints = new Map<string, string>();
  private index: Map<string, CustomResourceSchema> | undefined;
  private catalog: CrdCatalog | undefined;
  /** Created with the first CRD schema the interpreter leaves to ajv (crdValidator.ts). */
  private ajv: Ajv | undefined;
  private readonly validators = new WeakMap<CustomResourceSchema, CrdValidate | null>();
  private readonly rules = new WeakMap<CustomResourceSchema, Map<string, Expr | undefined>>();
  /** Bumped whenever the set of known schemas changes. */
  generation = 0;

  /** Replaces what `file` defines with the CRDs among `manifests`; true when that changed anything. */
  setFile(file: string, manifests: readonly Manifest[]): boolean {
    const schemas = manifests.flatMap(customResourceSchemasOf);
    const fingerprint = schemas.length ? stableJson(schemas.map(({ file: _file, ...rest }) => rest)) : '';
    if ((this.fingerprints.get(file) ?? '') === fingerprint) return false;
    if (schemas.length) {
      this.byFile.set(file, schemas);
      this.fingerprints.set(file, fingerprint);
    } else {
      this.byFile.delete(file);
      this.fingerprints.delete(file);
    }
    this.index = undefined;
    this.generation++;
    return true;
  }

  deleteFile(file: string): boolean {
    return this.setFile(file, []);
  }

  /** Whether `file` defines any CRD (a cheap test before re-reading it). */
  defines(file: string): boolean {
    return this.byFile.has(file);
  }

  get size(): number {
    return this.byFile.size;
  }

  /** Uses `catalog` (undefined: none) for what no file defines; true when that changed anything. */
  setCatalog(catalog: CrdCatalog | undefined): boolean {
    if (catalog === this.catalog) return false;
    this.catalog = catalog;
    this.generation++;
    return true;
  }

  /** Whether any custom resource can have a schema (a file defines a CRD, or the catalog is on). */
  get hasSchemas(): boolean {
    return this.byFile.size > 0 || this.catalog !== undefined;
  }

  lookup(apiVersion: string, kind: string): CustomResourceSchema | undefined {
    const defined = this.byFile.size === 0 ? undefined : this.indexed().get(`${apiVersion}/${kind}`);
    return defined ?? this.catalog?.lookup(apiVersion, kind);
  }

  /** Every known custom resource version, for completion. */
  all(): CustomResourceSchema[] {
    return [...this.indexed().values()];
  }

  /** The apiVersion/kind of every custom resource with a schema (the catalog's after the files'), for completion. */
  kinds(): Array<{ apiVersion: string; kind: string; crdName: string }> {
    const defined = this.all().map(({ apiVersion, kind, crdName }) => ({ apiVersion, kind, crdName }));
    const keys = new Set(defined.map((d) => `${d.apiVersion}/${d.kind}`));
    return [...defined, ...(this.catalog?.kinds() ?? []).filter((k) => !keys.has(`${k.apiVersion}/${k.kind}`))];
  }

  /** The CEL rules of a schema's `x-kubernetes-validations`, parsed once for all its resources (validationRules.ts). */
  parsedRules(schema: CustomResourceSchema): Map<string, Expr | undefined> {
    let parsed = this.rules.get(schema);
    if (!parsed) {
      parsed = new Map();
      this.rules.set(schema, parsed);
    }
    return parsed;
  }

  /** Validates a custom resource; a schema ajv cannot compile validates nothing. */
  validate(schema: CustomResourceSchema, value: unknown): ErrorObject[] {
    let validate = this.validators.get(schema);
    if (validate === undefined) {
      validate = crdValidator(schema.schema, () => (this.ajv ??= new (ajvClass())(CRD_AJV_OPTIONS)));
      this.validators.set(schema, validate);
    }
    return validate ? validate(value) : [];
  }

  private indexed(): Map<string, CustomResourceSchema> {
    if (!this.index) {
      this.index = new Map();
      for (const schemas of this.byFile.values()) for (const schema of schemas) this.index.set(`${schema.apiVersion}/${schema.kind}`, schema);
    }
    return this.index;
  }
}
