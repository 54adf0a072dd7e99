import * as l10n from '@vscode/l10n';
import { compareFindings, type Finding } from '../language/findings';
import { isManifestFile, manifestsOf } from '../language/manifests';
import { LanguageService } from '../language/languageService';
import { runWorkspaceRules } from '../language/rules/workspace/runWorkspaceRules';
import { simFindingToFinding } from '../language/simFindingToFinding';
import type { Manifest } from '../simulator/model/source';
import { resolve } from 'node:path';
import { schemaStoreFromFiles } from '../schemaFiles';
import { crdCatalogFromFiles } from '../crdCatalogFiles';
import { DEFAULT_VERSION, isSupportedVersion, SUPPORTED_VERSIONS } from '../protocol/versions';
import { parseArgs, type ArgSpec } from './args';
import { applyConfigs, CliConfigs } from './cliConfigs';
import type { RuleSettings } from '../language/rules/ruleSettings';
import { formatFindingsText, type FileFindings } from './formatFindings';
import { toSarif } from './sarif';
import { clusterProfileManifests } from './clusterPolicies';
import { clusterPolicyObjects } from '../language/rules/workspace/policy/clusterPolicyObjects';
import { displayPath, readInputs, type InputFile } from './inputs';
import { inputLayout } from './inputLayout';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { oversizeNote } from '../language/parse/limits';
import { projectFileSteps } from '../language/projects/projectFindings';
import { generatedObjects } from '../language/projects/generatedObjects';
import { fileRole, type FileRole, type ProjectLayout } from '../language/projects/projectLayout';
import { runToEnd } from '../language/parse/parseFile';
import { renderTargetFindings } from '../language/render/renderOutcome';
import type { FindingsByFile } from '../language/render/renderedFindings';
import { normalizePath } from '../language/projects/projectLayout';
import { WorkspaceIndex } from '../language/rules/workspace/workspaceIndex';
import { podReferenceFindings } from '../dryRun/podReferences';
import { EDITOR_SIMULATION_LIMITS } from '../dryRun/editorSession';
import { RENDER_OPTIONS, RENDER_USAGE, renderInputs, sourceReader } from './renderInputs';

const SPEC: ArgSpec = {
  options: { 'k8s-version': 'string', format: 'string', 'no-cross-resource': 'boolean', cluster: 'string', 'no-crd-catalog': 'boolean', ...RENDER_OPTIONS },
  usage: `drydock check [--k8s-version X.Y] [--format text|json|sarif] [--no-cross-resource] [--cluster FILE] [--no-crd-catalog] ${RENDER_USAGE} <file|dir>...`,
};

/**
 * `drydock check`: validates manifests, then runs the cross-resource rules (`ref/*`) over all of them,
 * as the editor does over a workspace, with the dry run's findings about Services and their pods
 * (same rules, default severities; `--no-cross-resource` leaves them out). Charts and Kustomize overlays among the inputs are rendered with helm / kustomize and
 * what they render to is checked too, each finding on the source line it came from (a file that is
 * not itself an input, such as a template, is listed with its findings). Exit 0 clean, 1 with
 * error-level findings, 2 on usage/IO problems.
 */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  if (!parsed.ok) return usage(io, parsed.error);
  // `.drydock.yaml`: the nearest to each input (cliConfigs.ts); flags win over it.
  const configs = new CliConfigs(io.cwd, (message) => io.stderr(`drydock check: ${message}\n`), 'checks', !parsed.flags['no-cross-resource']);
  const version = parsed.options['k8s-version'] ?? configs.kubernetesVersionOf(parsed.positionals) ?? DEFAULT_VERSION;
  const format = parsed.options.format ?? 'text';
  if (!isSupportedVersion(version)) return usage(io, l10n.t('unsupported Kubernetes version {0} (supported: {1})', version, SUPPORTED_VERSIONS.join(', ')));
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return usage(io, l10n.t('unknown format {0} (text, json or sarif)', format));
  if (parsed.positionals.length === 0) return usage(io, l10n.t('no file or directory given'));

  // Files over the input budget get the editor's note instead of being validated (exit code unaffected).
  const inputs = await readInputs(parsed.positionals, io.cwd, { budget: true });
  inputs.files = inputs.files.filter((file) => !configs.ignores(file.path));
  const service = new LanguageService(schemaStoreFromFiles());
  // Custom resources no input's CRD defines: the bundled CRD catalog (docs/crd-catalog.md), unless --no-crd-catalog.
  if (!parsed.flags['no-crd-catalog']) service.customResources.setCatalog(crdCatalogFromFiles());
  // Charts and Kustomize roots among the inputs: their sources are not validated as manifests, nor are they objects to the rules.
  const layout = await inputLayout(inputs.files, io.cwd);
  const roleOf = (file: InputFile) => fileRole(resolve(io.cwd, file.path), layout);
  const manifests = new Map(inputs.files.map((file) => [file, objectsOf(file, roleOf(file))]));
  // CustomResourceDefinitions among the inputs validate the custom resources of every input.
  for (const [file, fileManifests] of manifests) service.customResources.setFile(file.path, fileManifests);
  // And those of `.drydock.yaml`'s crdFolders (a folder that cannot be read adds none).
  for (const file of (await readInputs(configs.crdFoldersOf(parsed.positionals), io.cwd)).files) service.customResources.setFile(file.path, manifestsOf(file.path, file.parsed));
  // The cluster profile's admission policies (and their Namespaces and params) apply to the inputs too.
  const profile = await clusterProfileManifests(parsed.options.cluster, io.cwd);
  for (const error of profile.errors) io.stderr(`drydock check: ${error}\n`);
  if (profile.errors.length) return EXIT_USAGE;
  const inputManifests = [...manifests.values()].flat();
  const crossResource = parsed.flags['no-cross-resource']
    ? new Map<string, Finding[]>()
    : crossResourceFindings(inputs.files, manifests, (file) => roleOf(file) === 'manifest', [...clusterPolicyObjects(profile.manifests, inputManifests), ...inputManifests], profile.manifests.length ? profile.manifests : null);
  const files: FileFindings[] = inputs.files.map((file) => ({
    path: file.path,
    diagnostics: file.oversize
      ? [oversizeNote(file.oversize)]
      : [...validated(service, file, resolve(io.cwd, file.path), layout, version, configs.rulesOf(file.path)), ...(crossResource.get(file.path) ?? [])].sort(compareFindings),
  }));
  const readText = sourceReader(inputs.files, io.cwd);
  for (const { target, outcome } of await renderInputs(layout, parsed, io.cwd)) {
    addRendered(files, renderTargetFindings(service, target, outcome, { kubernetesVersion: version }, readText, 'cli'), io.cwd);
  }
  applyConfigs(configs, files, readText, io.cwd);
  if (format === 'json') io.stdout(JSON.stringify({ kubernetesVersion: version, files: files.map(toJson) }) + '\n');
  else if (format === 'sarif') io.stdout(JSON.stringify(toSarif(files, io.cwd), null, 2) + '\n');
  else io.stdout(formatFindingsText(files));
  for (const error of inputs.errors) io.stderr(`drydock check: ${error}\n`);
  if (inputs.errors.length) return EXIT_USAGE;
  return files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Adds a render's findings to the files they are on: an input's list (without repeating a finding its
 * own validation already has at the same place), or a new entry for a file that is not an input.
 */
function addRendered(files: FileFindings[], rendered: FindingsByFile, cwd: string): void {
  const byPath = new Map(files.map((file) => [normalizePath(resolve(cwd, file.path)), file]));
  for (const [path, findings] of [...rendered].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let file = byPath.get(path);
    if (!file) {
      file = { path: displayPath(path, cwd), diagnostics: [] };
      files.push(file);
      byPath.set(path, file);
    }
    const own = new Set(file.diagnostics.map(placeKey));
    file.diagnostics = [...file.diagnostics, ...findings.filter((finding) => !own.has(placeKey(finding)))].sort(compareFindings);
  }
}

function placeKey(finding: Finding): string {
  return `${finding.code}|${finding.range.start.line}|${finding.range.start.character}`;
}

/** The objects of an input for the rules: a manifest's, the ConfigMaps and Secrets a kustomization generates, none of a chart's sources or a patch. */
function objectsOf(file: InputFile, role: FileRole): Manifest[] {
  if (role === 'manifest' || role === 'resource') return manifestsOf(file.path, file.parsed);
  return role === 'kustomization' ? generatedObjects(file.path, file.parsed) : [];
}

/** A file's own findings: a file named on the command line is validated as manifests unless its project says otherwise. */
function validated(service: LanguageService, file: InputFile, path: string, layout: ProjectLayout, version: string, rules: RuleSettings): Finding[] {
  const settings = { kubernetesVersion: version, rules };
  if (fileRole(path, layout) === 'manifest' && file.isManifest && !isManifestFile(file.parsed)) return service.validateFile(file.parsed, settings);
  return runToEnd(projectFileSteps(service, path, file.parsed, layout, settings));
}

/**
 * The cross-resource findings by input file path: the rules over every input's manifests (and the
 * profile's policy objects), and the dry run's pod references (`podReferenceFindings`) of each
 * manifest file on its own, explained by the other inputs, as the editor runs each open document with
 * its workspace. A kustomization's resource is not applied as written (its build may relabel it): the
 * rendered output speaks for it.
 */
function crossResourceFindings(
  files: readonly InputFile[],
  byFile: ReadonlyMap<InputFile, Manifest[]>,
  appliedAsWritten: (file: InputFile) => boolean,
  manifests: readonly Manifest[],
  cluster: readonly Manifest[] | null,
): Map<string, Finding[]> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const index = new WorkspaceIndex([...byFile.values()].flat());
  const podReferences = [...byFile].flatMap(([file, fileManifests]) => (appliedAsWritten(file) ? podReferenceFindings(fileManifests, cluster, index, EDITOR_SIMULATION_LIMITS) : []));
  const result = new Map<string, Finding[]>();
  for (const finding of [...runWorkspaceRules(manifests), ...podReferences]) {
    const doc = byPath.get(finding.source.file)?.parsed.documents[finding.source.document];
    if (!doc) continue;
    const list = result.get(finding.source.file) ?? [];
    list.push(simFindingToFinding(finding, doc));
    result.set(finding.source.file, list);
  }
  return result;
}

function toJson(file: FileFindings): { path: string; diagnostics: Array<Omit<Finding, 'data'>> } {
  return { path: file.path, diagnostics: file.diagnostics.map(({ range, severity, code, message }) => ({ range, severity, code, message })) };
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock check: ${message}\n${l10n.t('usage: {0}', SPEC.usage)}\n`);
  return EXIT_USAGE;
}
