import { isPlainObject } from '../../manifests';
import { displayDefinitionName, type SchemaValidators } from '../../schema/schemaValidators';
import type { JsonSchema, SchemaBundle } from '../../schema/schemaBundle';
import type { FieldPath } from '../../../simulator/model/source';

/** A field of the object being walked, with the type (definition) that declares it. */
export interface WalkedField {
  /** The field's path. Valid during the visit only (the walker reuses it): copy it to keep it. */
  path: FieldPath;
  value: unknown;
  /** Display name of the definition declaring the field (`ContainerPort`). */
  owner: string;
  /** The field's name; for a list item, the list field's name. */
  field: string;
  /** True for an item of a list field. */
  item: boolean;
}

/**
 * Which fields a walk is for: `owner.field` pairs, the owner named by its display name
 * (`ContainerPort.protocol`). A walk only descends where one of them can be reached, so its cost
 * follows the fields asked for, not the size of the object. `id` names the interest in the cache.
 */
export interface FieldInterest {
  readonly id: string;
  wants(owner: string, field: string): boolean;
}

interface DefinitionPlan {
  owner: string;
  /** Declared fields that are wanted or lead to a wanted field. */
  fields: Map<string, FieldPlan>;
}

interface FieldPlan {
  wanted: boolean;
  /**
   * The definition of the field's object (of each item of a list field, of each value of a map
   * field such as `JSONSchemaProps.properties`) when it leads to a wanted field.
   */
  child: string | undefined;
  map: boolean;
}

type Plans = Map<string, DefinitionPlan>;

const MAX_DEPTH = 64;

/**
 * Walks a value alongside its schema and calls `visit` for every wanted field (and every item of
 * a wanted list field). Walks the data, not the schema, so recursive definitions
 * (`JSONSchemaProps`) end where the data ends; subtrees whose type cannot contain a wanted field
 * are skipped. One path array is reused for the whole walk.
 */
export function walkWithSchema(schemas: SchemaValidators, definition: string, value: unknown, interest: FieldInterest, visit: (field: WalkedField) => void): void {
  const plans = schemas.derived(`schemaWalk:${interest.id}`, () => compilePlans(schemas.derived('schemaWalk:graph', fieldGraph), interest));
  if (!plans.has(definition)) return;
  walk(plans, definition, value, [], visit, 0);
}

function walk(plans: Plans, definition: string, value: unknown, path: Array<string | number>, visit: (field: WalkedField) => void, depth: number): void {
  if (depth > MAX_DEPTH || !isPlainObject(value)) return;
  const plan = plans.get(definition);
  if (!plan) return;
  for (const [key, field] of plan.fields) {
    if (Object.prototype.hasOwnProperty.call(value, key)) visitField(plans, plan.owner, key, field, value[key], path, visit, depth);
  }
}

function visitField(plans: Plans, owner: string, key: string, field: FieldPlan, child: unknown, path: Array<string | number>, visit: (field: WalkedField) => void, depth: number): void {
  path.push(key);
  if (field.wanted) visit({ path, value: child, owner, field: key, item: false });
  if (Array.isArray(child)) {
    for (let index = 0; index < child.length; index++) {
      path.push(index);
      if (field.wanted) visit({ path, value: child[index], owner, field: key, item: true });
      if (field.child) walk(plans, field.child, child[index], path, visit, depth + 1);
      path.pop();
    }
  } else if (field.child && field.map && isPlainObject(child)) {
    for (const key of Object.keys(child)) {
      path.push(key);
      walk(plans, field.child, child[key], path, visit, depth + 1);
      path.pop();
    }
  } else if (field.child) walk(plans, field.child, child, path, visit, depth + 1);
  path.pop();
}

/** The "field of type" graph of a schema bundle, shared by every interest (computed once per bundle). */
interface FieldGraph {
  /** Definition → its display name. */
  owners: Map<string, string>;
  /** Definition → its declared fields, each with the definition of its value (if named). */
  fields: Map<string, Array<[field: string, child: { name: string; map: boolean } | undefined]>>;
  /** Definition → the definitions with a field of that type. */
  parents: Map<string, Set<string>>;
}

function fieldGraph(bundle: SchemaBundle): FieldGraph {
  const graph: FieldGraph = { owners: new Map(), fields: new Map(), parents: new Map() };
  for (const [name, definition] of Object.entries(bundle.definitions)) {
    graph.owners.set(name, displayDefinitionName(name));
    const fields: Array<[string, { name: string; map: boolean } | undefined]> = [];
    for (const [field, schema] of Object.entries(definition.properties ?? {})) {
      const child = childDefinition(bundle, schema);
      fields.push([field, child]);
      if (!child) continue;
      let set = graph.parents.get(child.name);
      if (!set) graph.parents.set(child.name, (set = new Set()));
      set.add(name);
    }
    graph.fields.set(name, fields);
  }
  return graph;
}

/**
 * One plan per definition that can reach a wanted field: definitions with a wanted field, then
 * (to a fixed point, through the reverse of the "field of type" graph) every definition with a
 * field whose type is one of those.
 */
function compilePlans(graph: FieldGraph, interest: FieldInterest): Plans {
  const reaches = new Set<string>();
  for (const [name, fields] of graph.fields) {
    const owner = graph.owners.get(name)!;
    if (fields.some(([field]) => interest.wants(owner, field))) reaches.add(name);
  }
  const queue = [...reaches];
  while (queue.length) {
    for (const parent of graph.parents.get(queue.pop()!) ?? []) {
      if (!reaches.has(parent)) {
        reaches.add(parent);
        queue.push(parent);
      }
    }
  }
  const plans: Plans = new Map();
  for (const name of reaches) {
    const owner = graph.owners.get(name)!;
    const plan: DefinitionPlan = { owner, fields: new Map() };
    for (const [field, child] of graph.fields.get(name) ?? []) {
      const leads = child && reaches.has(child.name) ? child : undefined;
      const wanted = interest.wants(owner, field);
      if (wanted || leads) plan.fields.set(field, { wanted, child: leads?.name, map: leads?.map ?? false });
    }
    plans.set(name, plan);
  }
  return plans;
}

/**
 * The named definition a field's value has (or each item of a list field, or each value of a map
 * field), following `$ref`s.
 */
function childDefinition(bundle: SchemaBundle, schema: JsonSchema): { name: string; map: boolean } | undefined {
  const resolved = deref(bundle, schema);
  if (resolved.name && isObjectSchema(resolved.schema)) return { name: resolved.name, map: false };
  const nested = resolved.schema?.items ?? (typeof resolved.schema?.additionalProperties === 'object' ? resolved.schema.additionalProperties : undefined);
  if (!nested) return undefined;
  const inner = deref(bundle, nested);
  return inner.name && isObjectSchema(inner.schema) ? { name: inner.name, map: !resolved.schema?.items } : undefined;
}

function isObjectSchema(schema: JsonSchema | undefined): boolean {
  return schema?.properties !== undefined;
}

function deref(bundle: SchemaBundle, schema: JsonSchema): { schema: JsonSchema | undefined; name: string | undefined } {
  let current: JsonSchema | undefined = schema;
  let name: string | undefined;
  for (let i = 0; current?.$ref && i < 8; i++) {
    name = current.$ref.slice(current.$ref.lastIndexOf('/') + 1);
    current = bundle.definitions[name];
  }
  return { schema: current, name };
}
