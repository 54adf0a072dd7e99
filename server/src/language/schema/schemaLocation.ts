import type { JsonSchema, SchemaBundle } from './schemaBundle';

/** Where an ajv error points: the value it is about and the schema node that holds the failing keyword. */
export interface ErrorLocation {
  /** The value at the error's instance path (undefined when the path leads nowhere). */
  value: unknown;
  /** The definition whose validate function reported the error (ajv compiles one per definition). */
  definition: string | undefined;
  /** The schema object holding the failing keyword. */
  parent: JsonSchema | undefined;
  /**
   * The definition `parent` is, or whose direct `anyOf` branch it is: the name a message gives the
   * object ("not a field of DeploymentSpec"); undefined for an inline schema (a map's values, say).
   */
  owner: string | undefined;
}

const REF_PREFIX = /^.*#\/definitions\//;

/** A JSON pointer (`/spec/template`) → its unescaped segments. */
function segments(pointer: string): string[] {
  return pointer === '' || pointer === '#' ? [] : pointer.replace(/^#/, '').slice(1).split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Locates an error of a validator compiled with `inlineRefs: false` (AJV_OPTIONS): walks the instance
 * path from the root definition, entering each `$ref`, to the definition that validated the value; the
 * error's `schemaPath` is relative to that definition, and its parent is the schema of the keyword.
 *
 * Worked example: a Deployment whose `spec.template.metadata.labels.a` is a number. The walk enters
 * DeploymentSpec at `spec`, PodTemplateSpec at `template`, ObjectMeta at `metadata`, and stays in
 * ObjectMeta through the inline `labels` map; ajv's schemaPath is `#/properties/labels/additionalProperties/type`,
 * so the parent is ObjectMeta's `labels.additionalProperties` (inline: no owner).
 */
export function locateError(bundle: SchemaBundle, rootDefinition: string, root: unknown, instancePath: string, schemaPath: string): ErrorLocation {
  const definitions = bundle.definitions;
  let definition: string | undefined = rootDefinition;
  let node: JsonSchema | undefined = definitions[rootDefinition];
  let value: unknown = root;
  const enter = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    let current = schema;
    for (let hops = 0; current?.$ref && hops < 8; hops++) {
      definition = current.$ref.replace(REF_PREFIX, '');
      current = definitions[definition];
    }
    return current;
  };
  node = enter(node);
  for (const segment of segments(instancePath)) {
    const isArray = Array.isArray(value);
    let child: JsonSchema | undefined;
    if (isArray) child = node?.items;
    else child = node?.properties?.[segment] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    node = enter(child);
    if (!node) definition = undefined;
  }
  const keywordPath = segments(schemaPath).slice(0, -1);
  let parent: JsonSchema | undefined = definition ? definitions[definition] : undefined;
  for (const segment of keywordPath) parent = parent === undefined ? undefined : ((parent as Record<string, unknown>)[segment] as JsonSchema | undefined);
  const ownsParent = keywordPath.length === 0 || (keywordPath.length === 2 && keywordPath[0] === 'anyOf');
  return { value, definition, parent, owner: ownsParent ? definition : undefined };
}
