import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatBytes, formatMilli } from '../simulator/model/quantity';
import { leadAsSentence } from '../simulator/scheduler/explain/leadSentence';
import type { SimulatedNode, SimulatedPod, SimulationResult } from '../simulator/simulate';
import type { ServiceEndpoints } from '../simulator/controllers';
import { dryRun } from '../dryRun/dryRun';
import { singleNodeFailureFindings } from '../dryRun/singleNodeFailure';
import { parseArgs, type ArgSpec } from './args';
import { CliConfigs, configuredDiagnostics } from './cliConfigs';
import { manifestsOfInputs, readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { toDiagnostics, type Diagnostic } from './locatedFindings';
import { portlessHeadless, simulationJson as toJson } from './simulationJson';
import { RENDER_OPTIONS, RENDER_USAGE, sourceReader } from './renderInputs';
import { groupByPath, toSarif } from './sarif';
import { dryRunManifests, withRenderedProjects } from './renderedInputs';

const SPEC: ArgSpec = {
  options: { cluster: 'string', format: 'string', 'percentage-of-nodes-to-score': 'string', 'single-node-failure': 'boolean', ...RENDER_OPTIONS },
  usage: `drydock simulate [--cluster FILE] [--format text|json|sarif] [--percentage-of-nodes-to-score N] [--single-node-failure] ${RENDER_USAGE} <file|dir|chart|overlay>...`,
};

/** Where a workspace keeps its cluster profile (the `drydock.cluster` setting's default). */
export const DEFAULT_PROFILE_PATH = '.drydock/cluster.yaml';

/**
 * `drydock simulate`: places the manifests' pods on a simulated cluster (`--cluster`, else
 * `.drydock/cluster.yaml` when it exists, else the embedded default cluster) and prints where
 * each pod goes and why the others cannot. Exit 0, 1 with error-level findings, 2 on usage/IO problems.
 */
export async function runSimulate(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  if (!parsed.ok) return usage(io, parsed.error);
  const format = parsed.options.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return usage(io, l10n.t('unknown format {0} (text, json or sarif)', format));
  const percentage = parsed.options['percentage-of-nodes-to-score'];
  const percentageValue = percentage === undefined ? 0 : Number(percentage);
  if (!Number.isInteger(percentageValue) || percentageValue < 0 || percentageValue > 100) return usage(io, l10n.t('--percentage-of-nodes-to-score takes an integer from 0 to 100'));
  if (parsed.positionals.length === 0) return usage(io, l10n.t('no file or directory given'));

  // `.drydock.yaml`: the nearest to each input (cliConfigs.ts); flags win over it.
  const configs = new CliConfigs(io.cwd, (message) => io.stderr(`drydock simulate: ${message}\n`), 'dry-run');
  let clusterPath = parsed.options.cluster ?? configs.clusterOf(parsed.positionals);
  if (clusterPath === undefined && existsSync(resolve(io.cwd, DEFAULT_PROFILE_PATH))) clusterPath = DEFAULT_PROFILE_PATH;
  const clusterInputs = clusterPath === undefined ? undefined : await readInputs([clusterPath], io.cwd);
  // Manifests over the input budget are left out with the editor's note; the cluster profile is read
  // whatever its size, as the language server reads it.
  const inputs = await readInputs(parsed.positionals, io.cwd, { budget: true });
  inputs.files = inputs.files.filter((file) => !configs.ignores(file.path));
  const clusterFiles = clusterInputs?.files ?? [];
  const clusterFullPaths = new Set(clusterFiles.map((f) => resolve(io.cwd, f.path)));
  inputs.files = inputs.files.filter((f) => !clusterFullPaths.has(resolve(io.cwd, f.path)));
  const errors = [...(clusterInputs?.errors ?? []), ...inputs.errors];
  for (const error of errors) io.stderr(`drydock simulate: ${error}\n`);
  if (errors.length > 0) return EXIT_USAGE;

  // Charts and overlays among the inputs are dry-run as they render; their findings go to the source lines.
  const projects = await withRenderedProjects(inputs, parsed, io.cwd);
  for (const problem of projects.problems) io.stderr(`drydock simulate: ${problem}\n`);
  const input = {
    manifests: dryRunManifests(projects.inputs, projects.rendered),
    cluster: clusterInputs ? manifestsOfInputs(clusterInputs) : null,
    simulateOptions: { percentageOfNodesToScore: percentageValue },
  };
  const run = dryRun({ ...input, baseline: null });
  // `--single-node-failure`: the editor's `drydock.whatif.singleNodeFailure` findings too.
  const findings = parsed.flags['single-node-failure'] ? [...run.findings, ...singleNodeFailureFindings(run, input)] : run.findings;
  const result = run.simulation;
  const readText = sourceReader(inputs.files, io.cwd);
  const located = toDiagnostics(findings, [...projects.inputs.files, ...clusterFiles], { inputs: projects.rendered, readText, cwd: io.cwd });
  const diagnostics: Diagnostic[] = configuredDiagnostics(configs, located, readText, io.cwd);
  const services = run.services.services;
  const clusterName = clusterPath ?? 'default';
  // Large results are printed with a single write.
  if (format === 'sarif') io.stdout(JSON.stringify(toSarif(groupByPath(diagnostics), io.cwd), null, 2) + '\n');
  else io.stdout(format === 'json' ? JSON.stringify(toJson(result, services, clusterName, diagnostics)) + '\n' : toText(result, services, clusterName, diagnostics));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock simulate: ${message}\n${l10n.t('usage: {0}', SPEC.usage)}\n`);
  return EXIT_USAGE;
}

function toText(result: SimulationResult, services: readonly ServiceEndpoints[], cluster: string, diagnostics: Diagnostic[]): string {
  const lines: string[] = [cluster === 'default' ? l10n.t('Cluster: embedded default cluster ({0} nodes)', result.nodes.length) : l10n.t('Cluster: {0} ({1} nodes)', cluster, result.nodes.length), ''];
  const rows = [['NODE', 'ZONE', 'CPU', 'MEMORY', 'PODS'], ...result.nodes.map(nodeRow)];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const podsByNode = new Map<string, SimulatedPod[]>();
  for (const p of result.pods) if (p.placement.node && p.placement.status !== 'Pending') podsByNode.set(p.placement.node, [...(podsByNode.get(p.placement.node) ?? []), p]);
  lines.push(rows[0].map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  result.nodes.forEach((n, i) => {
    lines.push(rows[i + 1].map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
    for (const p of podsByNode.get(n.node.name) ?? []) lines.push(`    ${p.pod.key}${p.placement.status === 'Scheduled' ? '' : ` (${p.placement.status.toLowerCase()})`}${p.placement.tie ? ` [tie: ${p.placement.tie.join(', ')}]` : ''}`);
  });
  const pending = result.pods.filter((p) => p.placement.status === 'Pending');
  lines.push('', pending.length === 0 ? l10n.t('No pending pods.') : `PENDING PODS (${pending.length})`);
  for (const group of pendingGroups(pending)) {
    const { pod, placement, lead } = group[0];
    const workload = pod.workload ?? pod.owner;
    const names = group.slice(0, 3).map((p) => p.pod.key).join(', ') + (group.length > 3 ? ', …' : '');
    lines.push(group.length === 1 || !workload ? `  ${names}` : `  ${l10n.t('{0} pods of {1} {2} ({3})', group.length, workload.kind, workload.name, names)}`);
    if (lead && !placement.message.includes(lead)) lines.push(`    ${leadAsSentence(lead)}`);
    lines.push(`    ${placement.message}`);
  }
  const count = (status: string): number => result.pods.filter((p) => p.placement.status === status).length;
  lines.push('', l10n.t('{0} pods: {1} bound, {2} scheduled, {3} pending', result.pods.length, count('Bound'), count('Scheduled'), pending.length));
  if (services.length > 0) lines.push('', 'SERVICES', ...services.flatMap(serviceText));
  for (const d of diagnostics) lines.push(`${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
  return lines.join('\n') + '\n';
}

/** Pending pods of one workload with the same lead and scheduler message, in first-seen order (bare pods stay alone). */
function pendingGroups(pending: readonly SimulatedPod[]): SimulatedPod[][] {
  const groups = new Map<string, SimulatedPod[]>();
  for (const p of pending) {
    const workload = p.pod.workload ?? p.pod.owner;
    const key = workload ? `${p.pod.namespace}\u0000${workload.kind}\u0000${workload.name}\u0000${p.lead ?? ''}\u0000${p.placement.message}` : `\u0001${p.pod.key}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()];
}

function serviceText(service: ServiceEndpoints): string[] {
  const head = `  ${service.namespace}/${service.name} (${service.headless ? 'headless' : service.type})${service.managed ? '' : ` — ${l10n.t('no selector: endpoints are not managed')}`}`;
  const ports = service.ports.map((p) => {
    const endpoints = p.endpoints.map((e) => `${e.pod}:${e.port ?? '?'}${e.ready ? '' : ` (${l10n.t('not ready')})`}`);
    return `    ${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol} → ${endpoints.length ? endpoints.join(', ') : l10n.t('no endpoints')}`;
  });
  if (portlessHeadless(service)) {
    const addresses = service.addresses.map((e) => `${e.pod}${e.ready ? '' : ` (${l10n.t('not ready')})`}`);
    ports.push(`    ${l10n.t('no ports')} → ${addresses.length ? addresses.join(', ') : l10n.t('no endpoints')}`);
  }
  return [head, ...ports];
}

function nodeRow({ node, requested }: SimulatedNode): string[] {
  const alloc = node.allocatable;
  const pct = (used: number, total: number | undefined): string => (total ? ` (${Math.round((100 * used) / total)}%)` : '');
  const zone = node.labels['topology.kubernetes.io/zone'] ?? '-';
  const flags = [node.unschedulable ? l10n.t('cordoned') : '', node.taints.length ? l10n.t('{0} taint(s)', node.taints.length) : ''].filter(Boolean).join(', ');
  return [
    flags ? `${node.name} [${flags}]` : node.name,
    zone,
    `${formatMilli(requested.cpu ?? 0)}/${formatMilli(alloc.cpu ?? 0)}${pct(requested.cpu ?? 0, alloc.cpu)}`,
    `${formatBytes(requested.memory ?? 0)}/${formatBytes(alloc.memory ?? 0)}${pct(requested.memory ?? 0, alloc.memory)}`,
    `${requested.pods ?? 0}/${alloc.pods ?? 0}`,
  ];
}
