import type { Finding } from '../findings';
import type { FindingCache, LanguageService, ValidationSettings } from '../languageService';
import { isManifestFile } from '../manifests';
import type { ParsedFile } from '../parse/parseFile';
import { RULE_CATALOG } from '../rules/ruleCatalog';
import { applyRuleSettings } from '../rules/ruleSettings';
import { patchFindings } from './patchFindings';
import { fileRole, type FileRole, type ProjectLayout } from './projectLayout';
import { validateKustomization } from './validateKustomization';

/**
 * The findings of one file, by what it is in its project (projectLayout.ts): manifests as manifests,
 * a kustomization against the Kustomization schema, a patch as a partial object, a chart's sources not
 * at all. A chart's `Chart.yaml` and a kustomization carry `render/not-rendered`: their rendered output
 * is not checked yet (this is where rendering with helm / kustomize will report). Ranges in file
 * coordinates. The server and the CLI both call this.
 */
export function* projectFileSteps(
  service: LanguageService,
  path: string,
  parsed: ParsedFile,
  layout: ProjectLayout,
  settings: ValidationSettings,
  cache?: FindingCache,
): Generator<undefined, Finding[], undefined> {
  const role = fileRole(path, layout);
  switch (role) {
    case 'chart-source':
      return [];
    case 'chart-metadata':
      return applyRuleSettings([notRendered(role)], settings.rules, RULE_CATALOG);
    case 'kustomization':
      // `drydock.rules` sets these codes' severities as any other's.
      return applyRuleSettings([notRendered(role), ...validateKustomization(parsed)], settings.rules, RULE_CATALOG);
    case 'patch':
      if (!isManifestFile(parsed)) return [];
      return patchFindings(yield* service.validateFileSteps(parsed, settings, cache));
    case 'manifest':
      if (!isManifestFile(parsed)) return [];
      return yield* service.validateFileSteps(parsed, settings, cache);
  }
}

function notRendered(role: FileRole): Finding {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'information',
    code: 'render/not-rendered',
    message:
      role === 'chart-metadata'
        ? 'Helm chart: its rendered templates are not checked yet (its templates, values and subcharts are not validated as manifests; crds/ is).'
        : 'Kustomize root: its built output is not checked yet (this file, its resources and its patches are validated on their own).',
  };
}
