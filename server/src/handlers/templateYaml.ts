import { isManifestTemplate, readTemplateYaml, type TemplateYaml } from '../language/helmTemplates/templateYaml';
import { chartSourceDocument } from './chartSourceDocument';
import type { FeatureDeps } from './featureDocument';

/**
 * An open document read as a chart template's YAML (language/helmTemplates/templateYaml.ts), when it
 * is a template Helm renders to manifests in a chart the workspace layout knows; undefined for any
 * other document (which keeps the manifest features). Read once per document version and kept in the
 * document's state beside, not instead of, validation's parse.
 */
export function templateYamlOf(deps: FeatureDeps, uri: string): TemplateYaml | undefined {
  const source = chartSourceDocument(deps, uri);
  if (!source || !isManifestTemplate(source.path, source.chartRoot)) return undefined;
  const { document } = source;
  const state = deps.states.get(uri);
  if (state.templateYaml?.version === document.version) return state.templateYaml.yaml;
  const yaml = readTemplateYaml(document.getText());
  state.templateYaml = { version: document.version, yaml };
  return yaml;
}
