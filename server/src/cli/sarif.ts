import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version as DRYDOCK_VERSION } from '../../../package.json';
import type { Finding, Severity } from '../language/findings';
import { RULE_CATALOG } from '../language/rules/ruleCatalog';
import type { FileFindings } from './formatFindings';

/**
 * `--format sarif`: the findings of `drydock check` / `drydock simulate` as a SARIF 2.1.0 log, as
 * GitHub code scanning reads it. One run; the tool's rules are the codes that have results (with the
 * rule catalog's summary and a help URI into docs/rules.md); each result is on its file (relative to
 * `%SRCROOT%`, the working directory) with a 1-based region (columns in UTF-16 code units, end exclusive).
 */

/** Where docs/rules.md is published: every rule's help URI is an anchor in it. */
export const RULES_DOC_URI = 'https://github.com/drydock/drydock/blob/main/docs/rules.md';
const INFORMATION_URI = 'https://github.com/drydock/drydock';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** docs/rules.md sections of the codes that have no section of their own, by code prefix. */
const SECTION_BY_PREFIX: Record<string, string> = {
  api: 'what-the-api-server-would-reject',
  bp: 'best-practices',
  ref: 'across-resources',
  crd: 'custom-resources-crds',
  kustomize: 'helm-charts-and-kustomize',
  render: 'helm-charts-and-kustomize',
  policy: 'admission-policies',
  ingress: 'ingress-routes-dry-run',
  meta: 'suppressions-and-drydockyaml',
  config: 'suppressions-and-drydockyaml',
};

/** Codes with a `### \`code\`` section in docs/rules.md besides the catalog's rules. */
const OWN_SECTIONS = new Set(['crd/validation-rule', 'policy/not-evaluated']);

/** The SARIF log of these findings (paths as the CLI shows them: relative to `cwd`, or absolute). */
export function toSarif(files: readonly FileFindings[], cwd: string): SarifLog {
  const codes = [...new Set(files.flatMap((file) => file.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const results = files.flatMap((file) => file.diagnostics.map((finding) => result(file.path, finding, ruleIndex.get(finding.code) ?? 0, cwd)));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'drydock', version: DRYDOCK_VERSION, semanticVersion: DRYDOCK_VERSION, informationUri: INFORMATION_URI, rules: codes.map(rule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Findings that carry their file's path (`drydock simulate`'s diagnostics), grouped by file in first-seen order. */
export function groupByPath(diagnostics: ReadonlyArray<Finding & { path: string }>): FileFindings[] {
  const byPath = new Map<string, Finding[]>();
  for (const { path, ...finding } of diagnostics) {
    const list = byPath.get(path) ?? [];
    list.push(finding);
    byPath.set(path, list);
  }
  return [...byPath].map(([path, list]) => ({ path, diagnostics: list }));
}

/** The help URI of a code: its own section of docs/rules.md, else the section of its family. */
export function helpUri(code: string): string {
  if (RULE_CATALOG.has(code) || OWN_SECTIONS.has(code)) return `${RULES_DOC_URI}#${code.replace(/[^a-z0-9-]/g, '')}`;
  const section = SECTION_BY_PREFIX[code.slice(0, code.indexOf('/'))];
  return section ? `${RULES_DOC_URI}#${section}` : RULES_DOC_URI;
}

function rule(code: string): SarifRule {
  const meta = RULE_CATALOG.get(code);
  const summary = meta?.summary ?? describe(code);
  const uri = helpUri(code);
  const defaultLevel = meta ? LEVEL[meta.defaultSeverity] : undefined;
  return {
    id: code,
    name: code,
    shortDescription: { text: summary },
    fullDescription: { text: summary },
    help: { text: `${summary} See ${uri}`, markdown: `${summary} [Drydock rules: \`${code}\`](${uri})` },
    helpUri: uri,
    ...(defaultLevel ? { defaultConfiguration: { level: defaultLevel } } : {}),
  };
}

/** What the findings of each code family are about, for codes that are not catalog rules. */
const FAMILY: Record<string, string> = {
  yaml: 'The file is not YAML as the API server reads it',
  schema: 'The object does not conform to the Kubernetes schema of its kind',
  api: 'The API server would reject the object',
  crd: 'A custom resource breaks its CustomResourceDefinition',
  sim: 'The dry run on the simulated cluster (scheduling, rollouts, storage)',
  net: 'The dry run of the NetworkPolicies',
  ref: 'A reference between objects',
  kustomize: 'The kustomization is not what kustomize reads',
  render: 'Rendering a Helm chart or Kustomize overlay',
  input: 'An input file Drydock did not check in full',
};

/** A description for codes that are not catalog rules (schema, YAML, dry-run, policy findings). */
function describe(code: string): string {
  if (code === 'policy/not-evaluated') return 'A ValidatingAdmissionPolicy matches the object, but what it says cannot be decided from the manifests or is outside the CEL subset Drydock evaluates.';
  if (code.startsWith('policy/')) return `The ValidatingAdmissionPolicy \`${code.slice('policy/'.length)}\` (through a binding's Deny, Warn or Audit action) fails on the object.`;
  const family = FAMILY[code.slice(0, code.indexOf('/'))];
  return family ? `${family}: \`${code}\`.` : `Drydock finding \`${code}\`.`;
}

function result(path: string, finding: Finding, ruleIndex: number, cwd: string): SarifResult {
  const { start, end } = finding.range;
  const endAfterStart = end.line > start.line || (end.line === start.line && end.character >= start.character);
  const last = endAfterStart ? end : start;
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(path, cwd),
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: last.line + 1, endColumn: last.character + 1 },
        },
      },
    ],
  };
}

/** A file relative to `%SRCROOT%` when it is inside the working directory, else its file URI. */
function artifact(path: string, cwd: string): SarifArtifactLocation {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  const relativeUri = path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
  return relativeUri.startsWith('../') ? { uri: pathToFileURL(resolve(cwd, path)).href } : { uri: relativeUri, uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration?: { level: 'error' | 'warning' | 'note' };
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: SarifArtifactLocation; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
}
