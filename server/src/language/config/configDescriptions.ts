import * as l10n from '@vscode/l10n';
import type { FieldPath } from '../../simulator/model/source';

/**
 * What hover and completion say of each key of a `.drydock.yaml`, in the reader's language (the
 * shapes are drydockConfigSchema.ts's). A path is looked up without its list indices; a rule code
 * under `rules` (at the root or in an override) is one entry.
 */
export function configDescription(path: FieldPath): string | undefined {
  let names = path.filter((segment): segment is string => typeof segment === 'string');
  if (names[0] === 'overrides' && names[1] === 'rules') names = names.slice(1);
  if (names[0] === 'rules' && names.length > 1) return l10n.t('The severity of this code: `off` drops its findings.');
  switch (names.join('.')) {
    case '':
      return l10n.t("Drydock's project configuration, read by the editor and by the `drydock` CLI. It wins over the VS Code settings; command-line flags win over it.");
    case 'kubernetesVersion':
      return l10n.t('The Kubernetes version whose schemas validate the manifests (as `drydock.kubernetesVersion`; `--k8s-version` wins in the CLI).');
    case 'cluster':
      return l10n.t("The cluster profile dry runs schedule onto: a file of Node (and other) manifests, relative to this file's folder (as `drydock.cluster`; `--cluster` wins in the CLI).");
    case 'rules':
      return l10n.t('Rule code → severity (`off`, `error`, `warning`, `information`, `hint`), as the `drydock.rules` setting. Wins over the setting, code by code.');
    case 'bestPractices':
      return l10n.t('The opt-in best-practice rules (`bp/*`).');
    case 'bestPractices.enable':
      return l10n.t('Run the best-practice rules at their default severity (as `drydock.bestPractices.enable`).');
    case 'crdFolders':
      return l10n.t("Folders (relative to this file's folder) whose CustomResourceDefinitions validate custom resources (as `drydock.crdFolders`).");
    case 'helm':
      return l10n.t('How charts are rendered. The helm program itself is a setting of each machine (`drydock.helm.path`, `DRYDOCK_HELM`), never of the repository.');
    case 'helm.valuesFiles':
      return l10n.t('Values files every chart is rendered with, after its values.yaml (relative to the chart; as `drydock.helm.valuesFiles`).');
    case 'ignore':
      return l10n.t("Files Drydock reports nothing on (the editor does not validate them, the CLI does not read them): globs relative to this file's folder (`*`, `?`, `**`; a pattern without `/` matches a name at any depth; a folder matches everything under it).");
    case 'overrides':
      return l10n.t('Rule severities for some files only; a later override wins over an earlier one, all win over `rules`.');
    case 'overrides.files':
      return l10n.t("The files this override applies to: globs relative to this file's folder.");
    default:
      return undefined;
  }
}
