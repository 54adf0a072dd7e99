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

const MAX_DEPTH = 64;

/**
 * Walks a value alongside its schema and calls `visit` for every wanted field (and every item of
 * a wanted list field). Walks the data, not the schema, so recursive definitions
 * (`JSONSchemaProps`) end where the data ends; subtrees whose type cannot contain a wanted field
 * are skipped. One path array is reused for the whole walk.
 */
export function walkWithSchema(schemas: SchemaValidators, definition: string, value: unknown, interest: FieldInterest, visit: (field: WalkedField) => void): void {
  const plans = schemas.derived(`schemaWalk:${interest.id}`, (bundle) => new WalkPlans(schemas.derived('schemaWalk:fields', () => new DeclaredFields(bundle)), interest));
  if (!plans.get(definition)) return;
  walk(plans, definition, value, [], visit, 0);
}

function walk(plans: WalkPlans, definition: string, value: unknown, path: Array<string | number>, visit: (field: WalkedField) => void, depth: number): void {
  if (depth > MAX_DEPTH || !isPlainObject(value)) return;
  const plan = plans.get(definition);
  if (!plan) return;
  for (const [key, field] of plan.fields) {
    if (Object.prototype.hasOwnProperty.call(value, key)) visitField(plans, plan.owner, key, field, value[key], path, visit, depth);
  }
}

function visitField(plans: WalkPlans, owner: string, key: string, field: FieldPlan, child: unknown, path: Array<string | number>, visit: (field: WalkedField) => void, depth: number): void {
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

type ChildDefinition = { name: string; map: boolean } | undefined;

/** A definition as walks read it: its display name and its declared fields, each with its value's definition. */
interface DeclaredDefinition {
  owner: string;
  fields: Array<[field: string, child: ChildDefinition]>;
}

/**
 * Each definition's declared fields with the definition of each field's value (if named), read
 * from the bundle when a walk first reaches the definition: shared by every interest, and a
 * manifest's walks touch a few dozen of the bundle's hundreds of definitions.
 */
class DeclaredFields {
  private readonly known = new Map<string, DeclaredDefinition | null>();

  constructor(private readonly bundle: SchemaBundle) {}

  of(name: string): DeclaredDefinition | null {
    let entry = this.known.get(name);
    if (entry === undefined) {
      const definition = this.bundle.definitions[name];
      entry = definition ? { owner: displayDefinitionName(name), fields: Object.entries(definition.properties ?? {}).map(([field, schema]) => [field, childDefinition(this.bundle, schema)]) } : null;
      this.known.set(name, entry);
    }
    return entry;
  }
}

/**
 * One interest's plans, made per definition when a walk first asks: a definition has a plan when
 * one of its fields is wanted or leads (through the types of its fields, followed forwards) to a
 * definition with a plan. Asked for a definition not yet decided, it decides every undecided
 * definition reachable from it at once (whether one reaches a wanted field depends only on what
 * it reaches, so the answer is final), propagating "leads to a wanted field" backwards over that
 * part of the "field of type" graph to a fixed point (recursive definitions such as
 * `JSONSchemaProps` included).
 */
class WalkPlans {
  private readonly plans = new Map<string, DefinitionPlan | null>();

  constructor(
    private readonly declared: DeclaredFields,
    private readonly interest: FieldInterest,
  ) {}

  get(definition: string): DefinitionPlan | null {
    const plan = this.plans.get(definition);
    if (plan !== undefined) return plan;
    this.decideFrom(definition);
    return this.plans.get(definition) ?? null;
  }

  private decideFrom(root: string): void {
    // The undecided definitions reachable from `root`, and who points at each (the reverse edges).
    const reached = new Set<string>([root]);
    const parents = new Map<string, string[]>();
    const reaches = new Set<string>();
    const queue = [root];
    while (queue.length) {
      const name = queue.pop()!;
      const declared = this.declared.of(name);
      if (!declared) continue;
      for (const [field, child] of declared.fields) {
        if (this.interest.wants(declared.owner, field)) reaches.add(name);
        if (!child) continue;
        const decided = this.plans.get(child.name);
        if (decided !== undefined) {
          if (decided) reaches.add(name);
          continue;
        }
        const list = parents.get(child.name);
        if (list) list.push(name);
        else parents.set(child.name, [name]);
        if (!reached.has(child.name)) {
          reached.add(child.name);
          queue.push(child.name);
        }
      }
    }
    const pending = [...reaches];
    while (pending.length) {
      for (const parent of parents.get(pending.pop()!) ?? []) {
        if (!reaches.has(parent)) {
          reaches.add(parent);
          pending.push(parent);
        }
      }
    }
    for (const name of reached) this.plans.set(name, reaches.has(name) ? this.planOf(name, reaches) : null);
  }

  private planOf(name: string, reaches: ReadonlySet<string>): DefinitionPlan {
    const { owner, fields } = this.declared.of(name)!;
    const plan: DefinitionPlan = { owner, fields: new Map() };
    for (const [field, child] of fields) {
      const leads = child && (reaches.has(child.name) || !!this.plans.get(child.name)) ? child : undefined;
      const wanted = this.interest.wants(owner, field);
      if (wanted || leads) plan.fields.set(field, { wanted, child: leads?.name, map: leads?.map ?? false });
    }
    return plan;
  }
}

/**
 * The named definition a field's value has (or each item of a list field, or each value of a map
 * field), following `$ref`s.
 */
function childDefinition(bundle: SchemaBundle, schema: JsonSchema): ChildDefinition {
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
