import { chartRootOf } from '../language/helmTemplates/chartRootOf';
import { isManifestTemplate, readTemplateYaml, type TemplateYaml } from '../language/helmTemplates/templateYaml';
import { fileRole } from '../language/projects/projectLayout';
import { toPath } from '../workspace/workspaceFiles';
import type { FeatureDeps } from './featureDocument';

/**
 * An open document read as a chart template's YAML (language/helmTemplates/templateYaml.ts), when it
 * is a template Helm renders to manifests in a chart the workspace layout knows; undefined for any
 * other document (which keeps the manifest features). Read once per document version and kept in the
 * document's state beside, not instead of, validation's parse.
 */
export function templateYamlOf(deps: FeatureDeps, uri: string): TemplateYaml | undefined {
  const document = deps.documents.get(uri);
  const path = toPath(uri);
  if (!document || !path) return undefined;
  const layout = deps.layout();
  if (fileRole(path, layout) !== 'chart-source') return undefined;
  const chartRoot = chartRootOf(path, layout);
  if (!chartRoot || !isManifestTemplate(path, chartRoot)) return undefined;
  const state = deps.states.get(uri);
  if (state.templateYaml?.version === document.version) return state.templateYaml.yaml;
  const yaml = readTemplateYaml(document.getText());
  state.templateYaml = { version: document.version, yaml };
  return yaml;
}
