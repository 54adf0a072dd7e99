import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { helpUri } from '../../server/src/cli/sarif';
import { RULE_CATALOG } from '../../server/src/language/rules/ruleCatalog';
import { ROOT, runCli } from '../helpers/runCli';

/**
 * `--format sarif` of the built CLI, validated against the SARIF 2.1.0 JSON schema (the one GitHub
 * code scanning documents, shipped by @microsoft/jest-sarif), and read as code scanning reads it.
 */
const schemaFile = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
// A draft-04 schema: ajv 8 reads it without its meta-schema (`id` ignored); one pattern is not valid with the `u` flag.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, formats: { uri: isUri, 'uri-reference': isUriReference, 'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/ } });
const validateSarif = ajv.compile(schema);
const rulesDoc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
}
interface SarifLog {
  version: string;
  runs: Array<{ tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; help: { text: string } }> } }; results: SarifResult[] }>;
}

function parseValid(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as SarifLog;
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 1));
  return log;
}

/** `path:line:col: severity code` of each result, as the text format prints them. */
function asText(log: SarifLog): string[] {
  return log.runs[0].results.map((r) => {
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    return `${decodeURIComponent(artifactLocation.uri)}:${region.startLine}:${region.startColumn}: ${r.level} ${r.ruleId}`;
  });
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

test('sarif: drydock check output is valid SARIF 2.1.0 and says what the text format says', async () => {
  const inputs = ['test/fixtures/policy', 'test/fixtures/check/invalid.yaml'];
  const sarif = await runCli(['check', '--format', 'sarif', ...inputs]);
  const text = await runCli(['check', ...inputs]);
  assert.equal(sarif.code, text.code);
  const log = parseValid(sarif.stdout);
  assert.equal(log.version, '2.1.0');
  const { driver } = log.runs[0].tool;
  assert.equal(driver.name, 'drydock');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  const expected = text.stdout
    .split('\n')
    .filter((line) => /^\S+:\d+:\d+: /.test(line))
    .map((line) => {
      const [, place, severity, code] = /^(\S+:\d+:\d+): (\w+) (\S+) /.exec(line) ?? [];
      return `${place}: ${LEVEL[severity]} ${code}`;
    });
  assert.deepEqual(asText(log), expected);
  assert.ok(expected.some((line) => line.includes('error policy/replicalimit-policy.example.com')));
  for (const result of log.runs[0].results) {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    const { region } = result.locations[0].physicalLocation;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
  }
});

test('sarif: every rule has help text and a help URI to an anchor of docs/rules.md', async () => {
  const run = await runCli(['check', '--format', 'sarif', 'test/fixtures/policy', 'test/fixtures/check/invalid.yaml', 'test/fixtures/check/cross-resource']);
  const { rules } = parseValid(run.stdout).runs[0].tool.driver;
  const anchors = new Set(rulesDoc.split('\n').filter((line) => line.startsWith('#')).map(slug));
  assert.ok(rules.length >= 4);
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text.length > 10 && rule.help.text.includes(rule.helpUri), rule.id);
    const anchor = new URL(rule.helpUri).hash.slice(1);
    assert.ok(anchor === '' || anchors.has(anchor), `${rule.id}: #${anchor} is no heading of docs/rules.md`);
  }
  assert.ok(rules.some((r) => r.id === 'ref/configmap-missing' && r.helpUri.endsWith('#refconfigmap-missing')));
});

test('sarif: the help URI of every rule and code family is a heading of docs/rules.md', () => {
  const anchors = new Set(rulesDoc.split('\n').filter((line) => line.startsWith('#')).map(slug));
  const codes = [...RULE_CATALOG.keys(), 'crd/validation-rule', 'policy/not-evaluated', 'policy/some-policy', 'api/x', 'bp/x', 'ref/x', 'crd/x', 'kustomize/x', 'render/x'];
  for (const code of codes) assert.ok(anchors.has(new URL(helpUri(code)).hash.slice(1)), `${code}: ${helpUri(code)}`);
  assert.equal(new URL(helpUri('schema/type')).hash, '', 'a code without a section: the page');
});

test('sarif: drydock simulate output is valid SARIF 2.1.0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-sarif-'));
  writeFileSync(
    join(dir, 'app.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: huge}',
      'spec:',
      '  replicas: 1',
      '  selector: {matchLabels: {app: huge}}',
      '  template:',
      '    metadata: {labels: {app: huge}}',
      '    spec: {containers: [{name: app, image: "nginx:1", resources: {requests: {cpu: "500"}}}]}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: nobody}',
      'spec: {selector: {app: nobody}, ports: [{port: 80}]}',
      '',
    ].join('\n'),
  );
  const sarif = await runCli(['simulate', '--format', 'sarif', 'app.yaml'], dir);
  const json = await runCli(['simulate', '--format', 'json', 'app.yaml'], dir);
  assert.equal(sarif.code, json.code, sarif.stderr);
  const log = parseValid(sarif.stdout);
  const diagnostics = (JSON.parse(json.stdout) as { diagnostics: Array<{ path: string; severity: string; code: string; range: { start: { line: number; character: number } } }> }).diagnostics;
  assert.deepEqual(
    asText(log),
    diagnostics.map((d) => `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${LEVEL[d.severity]} ${d.code}`),
  );
  assert.ok(log.runs[0].results.some((r) => r.ruleId === 'sim/unschedulable' && r.level === 'warning'));
});

test('sarif: an unknown format is a usage error', async () => {
  const run = await runCli(['check', '--format', 'xml', 'test/fixtures/check/valid.yaml']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown format xml \(text, json or sarif\)/);
});

/** GitHub's heading anchors: lower case, punctuation but `-` dropped, spaces as `-`. */
function slug(heading: string): string {
  return heading
    .replace(/^#+\s*/, '')
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function isUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isUriReference(value: string): boolean {
  return !/\s/.test(value) && isUri(new URL(value, 'file:///base/').href);
}
