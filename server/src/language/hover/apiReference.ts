import { displayDefinitionName } from '../schema/schemaValidators';
import { splitApiVersion } from '../schema/resolveKind';
import type { JsonSchema, SchemaBundle } from '../schema/schemaBundle';

/** Types the reference documents under the `meta` group rather than the kind's group. */
const META_TYPES: ReadonlySet<string> = new Set(['ObjectMeta', 'ListMeta', 'LabelSelector', 'LabelSelectorRequirement', 'OwnerReference', 'ManagedFieldsEntry', 'Condition', 'Status', 'StatusDetails', 'StatusCause']);

/**
 * The page of the Kubernetes API reference for a definition, e.g. `V1DeploymentSpec` in 1.36 →
 * `https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#deploymentspec-v1-apps`.
 * The anchor is `<type>-<version>-<group>`, where the group is the one of the first kind (core
 * kinds first) whose schema reaches the definition.
 */
export function apiReferenceUrl(bundle: SchemaBundle, definition: string): string {
  const base = `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${bundle.kubernetesVersion}/`;
  const type = displayDefinitionName(definition);
  const version = /^(?:[A-Z][a-z]+)*?(V\d+(?:alpha\d+|beta\d+)?)(?=[A-Z])/.exec(definition)?.[1]?.toLowerCase();
  if (!version) return base;
  const group = META_TYPES.has(type) ? 'meta' : groupOf(bundle, definition);
  if (group === undefined) return base;
  const slug = group === '' ? 'core' : group.replace(/\./g, '-');
  return `${base}#${type.toLowerCase()}-${version}-${slug}`;
}

/** The API group of the first kind whose schema reaches the definition (core group first). */
function groupOf(bundle: SchemaBundle, definition: string): string | undefined {
  const kinds = Object.entries(bundle.kinds).map(([key, def]) => ({ group: splitApiVersion(key.slice(0, key.lastIndexOf('/'))).group, def }));
  kinds.sort((a, b) => (a.group === '' ? -1 : 0) - (b.group === '' ? -1 : 0));
  for (const { group, def } of kinds) if (reaches(bundle, def, definition)) return group;
  return undefined;
}

function reaches(bundle: SchemaBundle, from: string, target: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length) {
    const name = queue.shift() as string;
    if (name === target) return true;
    for (const ref of refsOf(bundle.definitions[name])) {
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return false;
}

function refsOf(schema: JsonSchema | undefined): string[] {
  const refs: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') refs.push(record.$ref.replace(/^.*#\/definitions\//, ''));
    for (const [key, value] of Object.entries(record)) if (key !== 'description') visit(value);
  };
  visit(schema);
  return refs;
}
