import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../language/manifests';
import { isCustomGroup, POD_CREATING_CUSTOM_KINDS } from '../language/rules/facts/operatorKinds';
import { splitApiVersion } from '../language/schema/resolveKind';
import type { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { selectorText } from '../simulator/controllers/services';
import { readService } from '../simulator/controllers/serviceSpec';
import { selectorFromSet, type Selector } from '../simulator/model/labelSelector';
import { sourceKey } from '../simulator/model/sameSource';
import type { Manifest, SimFinding } from '../simulator/model/source';

const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
/** How deep into a custom resource's spec the selector labels are looked for. */
const MAX_SPEC_DEPTH = 12;

/**
 * Explains the `ref/service-no-pods` warnings of a dry run with what its pods cannot show. `run` is
 * what was simulated; `index` holds every manifest known (the run's, and in the editor the
 * workspace's other files):
 *
 * - pods from a manifest outside the run (the editor dry-runs each file on its own; another file has
 *   the Deployment): the warning is dropped;
 * - an operator's custom resource in the Service's namespace whose spec carries the Service's selector
 *   labels (a Prometheus's `podMetadata.labels`), or that is of a kind known to create pods
 *   (`POD_CREATING_CUSTOM_KINDS`): the warning becomes an information note, "pods expected from
 *   <kind>/<name>".
 *
 * The CLI and the editor both call it (`dryRun`, and the editor again with the workspace), so they
 * agree. Other findings pass through unchanged.
 */
export function explainServicesWithoutPods(findings: readonly SimFinding[], run: readonly Manifest[], index: WorkspaceIndex): SimFinding[] {
  if (!findings.some(isUnexplained)) return [...findings];
  const runFiles = new Set(run.map((manifest) => manifest.source.file));
  const services = new Map(run.filter((manifest) => manifest.object.kind === 'Service').map((manifest) => [sourceKey(manifest.source), manifest]));
  const result: SimFinding[] = [];
  let customResources: Map<string, CustomResource[]> | undefined;
  for (const finding of findings) {
    const service = isUnexplained(finding) ? services.get(sourceKey(finding.source)) : undefined;
    const model = service ? readService(service) : null;
    const selector = model?.selector ?? null;
    if (!service || !model || !selector) {
      result.push(finding);
      continue;
    }
    const namespace = index.namespaceOf(service.object);
    if (podsOutside(index, namespace, selectorFromSet(selector), runFiles)) continue;
    customResources ??= customResourcesByNamespace(index);
    const operator = operatorObjectFor(customResources.get(namespace) ?? [], selector);
    if (!operator) {
      result.push(finding);
      continue;
    }
    const message = l10n.t(
      'selector {0} matches no pod in namespace {1} among the manifests: pods expected from {2}/{3} (made by its operator)',
      selectorText(selector),
      model.namespace,
      String(operator.object.kind),
      String(operator.object.metadata?.name),
    );
    result.push({ ...finding, severity: 'information', message });
  }
  return result;
}

function isUnexplained(finding: SimFinding): boolean {
  return finding.code === 'ref/service-no-pods' && finding.severity === 'warning';
}

/** Whether a manifest outside the run makes pods the selector selects (a workload scaled to 0 makes none). */
export function podsOutside(index: WorkspaceIndex, namespace: string, selector: Selector, runFiles: ReadonlySet<string>): boolean {
  return index
    .pods()
    .selected(namespace, selector)
    .some(({ manifest, kind }) => !runFiles.has(manifest.source.file) && !(SCALABLE_KINDS.has(kind) && isPlainObject(manifest.object.spec) && manifest.object.spec.replicas === 0));
}

/** A custom resource, with its `group/kind` (what POD_CREATING_CUSTOM_KINDS names). */
interface CustomResource {
  manifest: Manifest;
  groupKind: string;
}

/** The named custom resources of the index (objects of a custom API group) by namespace, in index order: read once per explanation, not once per Service. */
function customResourcesByNamespace(index: WorkspaceIndex): Map<string, CustomResource[]> {
  const byNamespace = new Map<string, CustomResource[]>();
  for (const manifest of index.manifests) {
    const { apiVersion, kind, metadata } = manifest.object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof metadata?.name !== 'string') continue;
    const { group } = splitApiVersion(apiVersion);
    if (!isCustomGroup(group)) continue;
    const namespace = index.namespaceOf(manifest.object);
    const resource = { manifest, groupKind: `${group}/${kind}` };
    const list = byNamespace.get(namespace);
    if (list) list.push(resource);
    else byNamespace.set(namespace, [resource]);
  }
  return byNamespace;
}

/** The first of a namespace's custom resources whose spec carries the selector labels, else the first of a pod-creating kind. */
function operatorObjectFor(customResources: readonly CustomResource[], selector: Record<string, string>): Manifest | undefined {
  let known: Manifest | undefined;
  for (const { manifest, groupKind } of customResources) {
    if (carriesLabels(manifest.object.spec, selector, 0)) return manifest;
    if (!known && POD_CREATING_CUSTOM_KINDS.has(groupKind)) known = manifest;
  }
  return known;
}

/** Whether some mapping inside `value` has every key/value pair of `labels`. */
function carriesLabels(value: unknown, labels: Record<string, string>, depth: number): boolean {
  if (depth > MAX_SPEC_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => carriesLabels(item, labels, depth + 1));
  if (!isPlainObject(value)) return false;
  if (Object.entries(labels).every(([key, wanted]) => value[key] === wanted)) return true;
  return Object.values(value).some((child) => carriesLabels(child, labels, depth + 1));
}
