// Dev-time only: walks a generated definition and the swagger definition it came from side by
// side (following references into both documents) and records where fields, required sets or
// value types differ. Descriptions are compared too, but only counted: the client models are
// known to drop or replace some of them (see schemas/README.md).
import { INT_OR_STRING_KEY, QUANTITY_KEY, clientModelName, refOf, type SwaggerDocument, type SwaggerSchema } from './swaggerDocument';
import { requiredByServer } from './notRequiredByServer';
import type { SchemaNode } from './types';

export interface DefinitionReport {
  /** Real differences: each one is a finding to fix or to explain. */
  differences: string[];
  /** Expected looseness: the swagger says "object" where the client (and so we) accept anything. */
  looserThanSwagger: string[];
  descriptions: { same: number; missing: number; replacedByTypeDescription: number; differ: string[] };
  pairsCompared: number;
}

export function emptyReport(): DefinitionReport {
  return { differences: [], looserThanSwagger: [], descriptions: { same: 0, missing: 0, replacedByTypeDescription: 0, differ: [] }, pairsCompared: 0 };
}

const normalize = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

export class DefinitionComparer {
  private readonly visited = new Set<string>();
  private readonly queue: [string, string][] = [];

  constructor(
    private readonly ours: Record<string, SchemaNode>,
    private readonly swagger: SwaggerDocument,
    private readonly clientModels: ReadonlySet<string>,
    readonly report: DefinitionReport = emptyReport(),
  ) {}

  /** Compares `ourName` with `swaggerKey` and everything reachable from the pair. */
  compare(ourName: string, swaggerKey: string): void {
    this.queue.push([ourName, swaggerKey]);
    for (let next = this.queue.pop(); next; next = this.queue.pop()) this.comparePair(...next);
  }

  private comparePair(ourName: string, swaggerKey: string): void {
    const pairKey = `${ourName}\u0000${swaggerKey}`;
    if (this.visited.has(pairKey)) return;
    this.visited.add(pairKey);
    this.report.pairsCompared++;
    const ours = this.ours[ourName];
    const theirs = this.swagger.definitions[swaggerKey];
    const where = `${ourName} (${swaggerKey})`;
    if (!ours || !theirs) {
      this.report.differences.push(`${where}: definition missing on the ${ours ? 'swagger' : 'generated'} side`);
      return;
    }
    if (clientModelName(swaggerKey, this.clientModels) !== ourName) {
      this.report.differences.push(`${where}: name mapping expected ${clientModelName(swaggerKey, this.clientModels) ?? 'no client model'}`);
    }
    this.compareDescription(where, ours.description, theirs.description);
    const ourProps = ours.properties ?? {};
    const theirProps = theirs.properties ?? {};
    for (const name of Object.keys(theirProps)) {
      if (!Object.hasOwn(ourProps, name)) this.report.differences.push(`${where}: field "${name}" missing`);
    }
    for (const name of Object.keys(ourProps)) {
      if (!Object.hasOwn(theirProps, name)) this.report.differences.push(`${where}: field "${name}" not in swagger`);
    }
    // The fields the API server defaults or accepts empty are left out of `required` on purpose.
    const theirRequired = (theirs.required ?? []).filter((field) => requiredByServer(ourName, field));
    if (!sameSet(ours.required ?? [], theirRequired)) {
      this.report.differences.push(`${where}: required [${(ours.required ?? []).join(', ')}] vs swagger [${(theirs.required ?? []).join(', ')}]`);
    }
    for (const name of Object.keys(ourProps)) {
      if (!Object.hasOwn(theirProps, name)) continue;
      const path = `${ourName}.${name}`;
      this.compareValue(path, ourProps[name], theirProps[name]);
      this.comparePropertyDescription(path, ourProps[name], theirProps[name]);
    }
  }

  private compareValue(path: string, ours: SchemaNode, theirs: SwaggerSchema): void {
    const theirRef = refOf(theirs);
    const target = theirRef ? this.swagger.definitions[theirRef] : undefined;
    const ourRef = ours.$ref?.replace('#/definitions/', '');
    const mismatch = (expected: string): void => {
      this.report.differences.push(`${path}: swagger has ${expected}, generated ${JSON.stringify({ ...ours, description: undefined })}`);
    };
    if (theirRef === QUANTITY_KEY) return ourRef === 'Quantity' ? undefined : mismatch('a Quantity');
    if (theirRef === INT_OR_STRING_KEY) return ourRef === 'IntOrString' ? undefined : mismatch('an IntOrString');
    if (theirRef && target) {
      const model = clientModelName(theirRef, this.clientModels);
      if (model) {
        if (ourRef !== model) return mismatch(`a reference to ${theirRef}`);
        this.queue.push([model, theirRef]);
        return;
      }
      return this.compareValue(path, ours, { ...target, description: undefined }); // Time, RawExtension, …
    }
    if (theirRef) return mismatch(`a dangling reference ${theirRef}`);

    const scalar = (expected: SchemaNode['type']): void => (ours.type === expected && !ourRef ? undefined : mismatch(`type ${expected}`));
    switch (theirs.type) {
      case 'string':
        if (theirs.format === 'byte') return ourRef === 'Base64' ? undefined : mismatch('base64 bytes');
        return scalar('string');
      case 'integer':
      case 'number':
      case 'boolean':
        return scalar(theirs.type);
      case 'array':
        if (ours.type !== 'array' || !ours.items || !theirs.items) return mismatch('an array');
        return this.compareValue(`${path}[]`, ours.items, theirs.items);
      case 'object':
        if (typeof theirs.additionalProperties === 'object') {
          if (ours.type !== 'object' || typeof ours.additionalProperties !== 'object') return mismatch('a map');
          return this.compareValue(`${path}{}`, ours.additionalProperties, theirs.additionalProperties);
        }
        if (Object.keys(ours).every((k) => k === 'description')) {
          this.report.looserThanSwagger.push(path);
          return;
        }
        return mismatch('an object without declared fields');
      case undefined:
        return Object.keys(ours).every((k) => k === 'description') ? undefined : mismatch('any value');
      default:
        return mismatch(`type ${theirs.type}`);
    }
  }

  private compareDescription(where: string, ours: string | undefined, theirs: string | undefined): void {
    const d = this.report.descriptions;
    if (normalize(ours) === normalize(theirs)) d.same++;
    else if (ours === undefined) d.missing++;
    else d.differ.push(where);
  }

  private comparePropertyDescription(path: string, ours: SchemaNode, theirs: SwaggerSchema): void {
    const theirRef = refOf(theirs);
    const typeDescription = theirRef ? this.swagger.definitions[theirRef]?.description : undefined;
    if (ours.description !== undefined && typeDescription !== undefined && normalize(ours.description) === normalize(typeDescription)
      && normalize(ours.description) !== normalize(theirs.description)) {
      this.report.descriptions.replacedByTypeDescription++;
      return;
    }
    this.compareDescription(path, ours.description, theirs.description);
  }
}
