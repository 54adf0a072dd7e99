import type { Finding } from '../findings';
import type { FindingCache, LanguageService, ValidationSettings } from '../languageService';
import { isManifestFile } from '../manifests';
import type { ParsedFile } from '../parse/parseFile';
import { RULE_CATALOG } from '../rules/ruleCatalog';
import { applyRuleSettings } from '../rules/ruleSettings';
import { validateDrydockConfig } from '../config/validateDrydockConfig';
import { patchFindings } from './patchFindings';
import { fileRole, type ProjectLayout } from './projectLayout';
import { validateKustomization } from './validateKustomization';

/**
 * The findings of one file, by what it is in its project (projectLayout.ts): manifests as manifests,
 * a kustomization against the Kustomization schema, a patch as a partial object, a chart's sources not
 * at all; a kustomization's resource as a manifest whose required fields the build may add. What a
 * chart or an overlay renders to is checked by rendering it (language/render/). Ranges in file
 * coordinates. The server and the CLI both call this.
 */
/** Findings on a kustomization's resource that its build may make wrong: reported from the rendered output instead. */
const LEFT_TO_THE_BUILD: ReadonlySet<string> = new Set(['schema/required', 'schema/unknown-api-version']);

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
      return [];
    case 'kustomization':
      // `drydock.rules` sets these codes' severities as any other's.
      return applyRuleSettings(validateKustomization(parsed), settings.rules, RULE_CATALOG);
    case 'drydock-config':
      return applyRuleSettings(validateDrydockConfig(parsed, service.customResources), settings.rules, RULE_CATALOG);
    case 'patch':
      if (!isManifestFile(parsed)) return [];
      return patchFindings(yield* service.validateFileSteps(parsed, settings, cache));
    case 'resource':
      if (!isManifestFile(parsed)) return [];
      // What the build may still change is judged on the built output (mapped back to this file): a
      // missing required field (labels adding a selector), an apiVersion a patch rewrites.
      return (yield* service.validateFileSteps(parsed, settings, cache)).filter((finding) => !LEFT_TO_THE_BUILD.has(finding.code));
    case 'manifest':
      if (!isManifestFile(parsed)) return [];
      return yield* service.validateFileSteps(parsed, settings, cache);
  }
}
