import * as l10n from '@vscode/l10n';
import { reachDryRun } from '../dryRun/reachDryRun';
import { oversizeNote } from '../language/parse/limits';
import { parseQuery, type ConnectionQuery, type QueryResult, type ReachabilityMatrix } from '../simulator/network';
import { parseArgs, type ArgSpec } from './args';
import { readInputs } from './inputs';
import { CliConfigs, configuredLocated } from './cliConfigs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { formatLocated, locateFindings } from './locatedFindings';
import { RENDER_OPTIONS, RENDER_USAGE, sourceReader } from './renderInputs';
import { dryRunManifests, withRenderedProjects } from './renderedInputs';

const SPEC: ArgSpec = {
  options: { query: 'repeat', format: 'string', ...RENDER_OPTIONS },
  usage: `drydock reach [--query "ns/a->ns/b:80/TCP"]... [--format text|json] ${RENDER_USAGE} <file|dir|chart|overlay>...`,
};

/**
 * `drydock reach`: NetworkPolicy reachability. With `--query`, each connection with both directions
 * explained; without, the whole matrix (pod groups and external ranges). An endpoint without `/` is
 * an IP address. Exit 0, 1 with error-level findings, 2 on usage or IO problems (including an
 * endpoint that names no pod, or a matrix too large to compute).
 */
export async function runReach(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  if (!parsed.ok) return usage(io, parsed.error);
  const format = parsed.options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, l10n.t('unknown format {0} (text or json)', format));
  if (parsed.positionals.length === 0) return usage(io, l10n.t('no file or directory given'));
  const queries: ConnectionQuery[] = [];
  for (const text of parsed.repeated.query ?? []) {
    const query = parseQuery(text);
    if (!query.ok) return usage(io, query.error);
    queries.push(query.query);
  }

  // Files over the input budget are left out with the editor's note.
  const inputs = await readInputs(parsed.positionals, io.cwd, { budget: true });
  // `.drydock.yaml`: the nearest to each input (cliConfigs.ts).
  const configs = new CliConfigs(io.cwd, (message) => io.stderr(`drydock reach: ${message}\n`), 'dry-run');
  inputs.files = inputs.files.filter((file) => !configs.ignores(file.path));
  if (inputs.errors.length > 0) {
    for (const error of inputs.errors) io.stderr(`drydock reach: ${error}\n`);
    return EXIT_USAGE;
  }
  const projects = await withRenderedProjects(inputs, parsed, io.cwd);
  for (const problem of projects.problems) io.stderr(`drydock reach: ${problem}\n`);
  const run = reachDryRun({ manifests: dryRunManifests(projects.inputs, projects.rendered), queries, matrix: queries.length === 0 });
  const result = run.reach;
  const notes = inputs.files.flatMap((file) => {
    if (!file.oversize) return [];
    const { severity, code, message } = oversizeNote(file.oversize);
    return [{ file: file.path, line: 1, column: 1, severity, code, message }];
  });
  const readText = sourceReader(inputs.files, io.cwd);
  const findings = configuredLocated(configs, [...notes, ...locateFindings(run.findings, projects.inputs.files, { inputs: projects.rendered, readText, cwd: io.cwd })], readText, io.cwd);
  const unresolved = result.queries.filter((q) => q.error !== null);
  for (const query of unresolved) io.stderr(`drydock reach: ${query.error}\n`);
  if (result.matrixError) io.stderr(`drydock reach: ${result.matrixError}\n`);

  if (format === 'json') {
    const body = queries.length > 0 ? { queries: result.queries } : { matrix: result.matrix };
    io.stdout(JSON.stringify({ ...body, notes: result.notes, findings }) + '\n');
  } else {
    const text = queries.length > 0 ? result.queries.map(formatQuery).join('\n') : result.matrix ? formatMatrix(result.matrix) : '';
    io.stdout(text + result.notes.map((note) => `note: ${note}\n`).join('') + formatLocated(findings));
  }
  if (unresolved.length > 0 || result.matrixError) return EXIT_USAGE;
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function formatQuery(result: QueryResult): string {
  const verdict = result.error ? 'ERROR' : result.allowed ? 'ALLOWED' : 'DENIED';
  const lines = [`${result.from} -> ${result.to} ${result.protocol}/${result.port}: ${verdict}${result.governed ? '' : ` (${l10n.t('not governed by NetworkPolicy')})`}`];
  if (result.error) return lines.concat(`  ${result.error}`).join('\n') + '\n';
  if (result.governed) {
    lines.push(`  egress:  ${result.egress.explanation}`);
    lines.push(`  ingress: ${result.ingress.explanation}`);
  } else {
    lines.push(`  ${result.explanation}`);
  }
  return lines.join('\n') + '\n';
}

/** Rows are sources, columns destinations; columns are numbered and listed in a legend. */
function formatMatrix(matrix: ReachabilityMatrix): string {
  const short = (cell: string) => (cell === 'All connections' ? 'all' : cell === 'No connections' ? '-' : cell);
  const n = matrix.endpoints.length;
  const cells = matrix.connections.map((row) => row.map(short));
  const labels = matrix.endpoints.map((e, i) => `[${i + 1}] ${e.label}`);
  const rowWidth = Math.max(4, ...labels.map((l) => l.length));
  const widths = Array.from({ length: n }, (_, column) => Math.max(String(column + 1).length + 2, ...cells.map((row) => row[column].length)));
  const lines = [`${'from \\ to'.padEnd(rowWidth)}  ${widths.map((w, i) => `[${i + 1}]`.padEnd(w)).join('  ')}`.trimEnd()];
  cells.forEach((row, r) => lines.push(`${labels[r].padEnd(rowWidth)}  ${row.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd()));
  lines.push('', l10n.t('all = all connections, - = none, self = a pod to itself (not governed), n/a = outside the cluster on both sides'));
  return lines.join('\n') + '\n';
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock reach: ${message}\n${l10n.t('usage: {0}', SPEC.usage)}\n`);
  return EXIT_USAGE;
}
