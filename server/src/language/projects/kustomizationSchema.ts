import * as l10n from '@vscode/l10n';
/**
 * The fields of a kustomization file as kustomize v5 reads them (api/types/kustomization.go and the
 * types it uses), written out by hand: Drydock validates `kustomization.yaml` without a network or a
 * kustomize binary. `deprecated` names the replacement kustomize suggests (`kustomize edit fix`).
 */
export type KustomizeType =
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'integer' }
  | { kind: 'any' }
  /** A mapping of strings to strings (labels, annotations). */
  | { kind: 'stringMap' }
  | { kind: 'list'; items: KustomizeType }
  | { kind: 'object'; /** What a person calls it, read when a message needs it. */ name: () => string; fields: Readonly<Record<string, KustomizeField>> };

export interface KustomizeField {
  type: KustomizeType;
  /** The field kustomize deprecated it for. */
  deprecated?: string;
}

const string: KustomizeType = { kind: 'string' };
const boolean: KustomizeType = { kind: 'boolean' };
const integer: KustomizeType = { kind: 'integer' };
const any: KustomizeType = { kind: 'any' };
const stringMap: KustomizeType = { kind: 'stringMap' };
const strings: KustomizeType = { kind: 'list', items: string };
const listOf = (items: KustomizeType): KustomizeType => ({ kind: 'list', items });
const object = (name: () => string, fields: Record<string, KustomizeType | KustomizeField>): KustomizeType => ({
  kind: 'object',
  name,
  fields: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, 'type' in value ? value : { type: value }])),
});

const fieldSpec = object(() => l10n.t('a field spec'), { group: string, version: string, kind: string, path: string, create: boolean });
const selector = object(() => l10n.t('a patch target'), {
  group: string,
  version: string,
  kind: string,
  name: string,
  namespace: string,
  labelSelector: string,
  annotationSelector: string,
});
const patch = object(() => l10n.t('a patch'), { path: string, patch: string, target: selector, options: object(() => l10n.t('patch options'), { allowNameChange: boolean, allowKindChange: boolean }) });
const generatorOptions = object(() => 'generatorOptions', { labels: stringMap, annotations: stringMap, disableNameSuffixHash: boolean, immutable: boolean });
const generatorFields = {
  name: string,
  namespace: string,
  behavior: string,
  literals: strings,
  files: strings,
  envs: strings,
  env: { type: string, deprecated: 'envs' },
  options: generatorOptions,
};

/** The top level of a Kustomization (or a Component). */
export const KUSTOMIZATION = object(() => l10n.t('a Kustomization'), {
  apiVersion: string,
  kind: string,
  metadata: object(() => 'metadata', { name: string, namespace: string, labels: stringMap, annotations: stringMap }),
  openapi: stringMap,
  namePrefix: string,
  nameSuffix: string,
  namespace: string,
  commonLabels: { type: stringMap, deprecated: 'labels' },
  labels: listOf(object(() => l10n.t('a label set'), { pairs: stringMap, includeSelectors: boolean, includeTemplates: boolean, fields: listOf(fieldSpec) })),
  commonAnnotations: stringMap,
  patchesStrategicMerge: { type: strings, deprecated: 'patches' },
  patchesJson6902: { type: listOf(patch), deprecated: 'patches' },
  patches: listOf(patch),
  images: listOf(object(() => l10n.t('an image'), { name: string, newName: string, newTag: string, digest: string, tagSuffix: string })),
  imageTags: { type: listOf(any), deprecated: 'images' },
  replacements: listOf(any),
  replicas: listOf(object(() => l10n.t('a replica count'), { name: string, count: integer })),
  vars: { type: listOf(any), deprecated: 'replacements' },
  sortOptions: object(() => 'sortOptions', { order: string, legacySortOptions: any }),
  resources: strings,
  components: strings,
  crds: strings,
  bases: { type: strings, deprecated: 'resources' },
  configMapGenerator: listOf(object(() => l10n.t('a configMapGenerator'), generatorFields)),
  secretGenerator: listOf(object(() => l10n.t('a secretGenerator'), { ...generatorFields, type: string })),
  helmGlobals: object(() => 'helmGlobals', { chartHome: string, configHome: string }),
  helmCharts: listOf(
    object(() => l10n.t('a helmChart'), {
      name: string,
      version: string,
      digest: string,
      repo: string,
      releaseName: string,
      namespace: string,
      additionalValuesFiles: strings,
      valuesFile: string,
      valuesInline: any,
      valuesMerge: string,
      includeCRDs: boolean,
      skipHooks: boolean,
      apiVersions: strings,
      kubeVersion: string,
      nameTemplate: string,
      skipTests: boolean,
      debug: boolean,
      devel: boolean,
    }),
  ),
  helmChartInflationGenerator: { type: listOf(any), deprecated: 'helmCharts' },
  generatorOptions,
  configurations: strings,
  generators: strings,
  transformers: strings,
  validators: strings,
  inventory: object(() => 'inventory', { type: string, configMap: object(() => l10n.t('an inventory ConfigMap'), { name: string, namespace: string }) }),
  buildMetadata: strings,
});

/** The apiVersion each kind of kustomization file takes. */
export const KUSTOMIZE_API_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  Kustomization: ['kustomize.config.k8s.io/v1beta1'],
  Component: ['kustomize.config.k8s.io/v1alpha1'],
};
