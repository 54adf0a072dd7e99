import { readClusterProfile } from '../simulator/cluster/clusterProfile';
import { addClusterObject, emptyClusterObjects } from '../simulator/model/clusterObjects';
import { isRecord } from '../simulator/model/labelSelector';
import type { SimPod } from '../simulator/model/pod';
import type { Manifest, SimFinding } from '../simulator/model/source';
import type { ReachabilityMatrix } from '../simulator/network/matrixView';
import { networkPodsOf } from '../simulator/network/networkPods';
import { parseQuery, type ConnectionQuery } from '../simulator/network/query';
import { computeReachability, type QueryResult } from '../simulator/network/reachability';
import { expandWorkloads } from '../simulator/workloads/expandWorkloads';
import { lastApplied } from '../dryRun/lastApplied';
import { parseArgs, type ArgSpec } from './args';
import { manifestsOfInputs, readInputs } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { oversizeNote } from '../language/parse/limits';
import { formatLocated, locateFindings } from './rollout';

const SPEC: ArgSpec = {
  options: { query: 'repeat', format: 'string' },
  usage: 'drydock reach [--query "ns/a->ns/b:80/TCP"]... [--format text|json] <file|dir>...',
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
  if (format !== 'text' && format !== 'json') return usage(io, `unknown format ${format} (text or json)`);
  if (parsed.positionals.length === 0) return usage(io, 'no file or directory given');
  const queries: ConnectionQuery[] = [];
  for (const text of parsed.repeated.query ?? []) {
    const query = parseQuery(text);
    if (!query.ok) return usage(io, query.error);
    queries.push(query.query);
  }

  // Files over the input budget are left out with the editor's note.
  const inputs = await readInputs(parsed.positionals, io.cwd, { budget: true });
  if (inputs.errors.length > 0) {
    for (const error of inputs.errors) io.stderr(`drydock reach: ${error}\n`);
    return EXIT_USAGE;
  }
  // As `kubectl apply -f` (and `drydock simulate`): an object defined more than once is its last copy.
  const { manifests, findings: duplicates } = lastApplied(manifestsOfInputs(inputs));
  const expansion = podsOf(manifests);
  const ips = podIpsOf(manifests);
  const pods = networkPodsOf(expansion.pods, (pod: SimPod) => ips.get(pod.key) ?? []);
  const result = computeReachability({ manifests, pods, queries, matrix: queries.length === 0 });
  const notes = inputs.files.flatMap((file) => {
    if (!file.oversize) return [];
    const { severity, code, message } = oversizeNote(file.oversize);
    return [{ file: file.path, line: 1, column: 1, severity, code, message }];
  });
  const findings = [...notes, ...locateFindings([...duplicates, ...expansion.findings, ...result.findings], inputs.files)];
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

/** Bounds of the workload expansion (pods per workload, pods in all). */
const MAX_PODS_PER_WORKLOAD = 10_000;
const MAX_PODS_TOTAL = 100_000;

/**
 * The pods the manifests create, named as `drydock simulate` names them (the simulator's workload
 * expansion; DaemonSets get one pod per node of the default cluster). Pods are not scheduled:
 * NetworkPolicy does not depend on placement.
 */
function podsOf(manifests: readonly Manifest[]): { pods: SimPod[]; findings: SimFinding[] } {
  const objects = emptyClusterObjects();
  const cluster = readClusterProfile(null, objects, { maxNodes: 10_000 });
  for (const manifest of manifests) addClusterObject(objects, manifest);
  const expansion = expandWorkloads(manifests, { nodes: cluster.nodes, objects, maxPodsPerWorkload: MAX_PODS_PER_WORKLOAD, maxPodsTotal: MAX_PODS_TOTAL });
  return { pods: expansion.workloads.flatMap((workload) => workload.pods), findings: expansion.findings };
}

/** Pod IPs written in Pod manifests (`status.podIPs`, `status.podIP`), e.g. from `kubectl get pods -o yaml`. */
function podIpsOf(manifests: readonly Manifest[]): Map<string, string[]> {
  const ips = new Map<string, string[]>();
  for (const { object } of manifests) {
    if (object.kind !== 'Pod' || !isRecord(object.status)) continue;
    const status = object.status;
    const list = Array.isArray(status.podIPs) ? status.podIPs.flatMap((entry) => (isRecord(entry) && typeof entry.ip === 'string' ? [entry.ip] : [])) : [];
    if (list.length === 0 && typeof status.podIP === 'string') list.push(status.podIP);
    if (list.length > 0) ips.set(`${object.metadata?.namespace || 'default'}/${object.metadata?.name ?? ''}`, list);
  }
  return ips;
}

function formatQuery(result: QueryResult): string {
  const verdict = result.error ? 'ERROR' : result.allowed ? 'ALLOWED' : 'DENIED';
  const lines = [`${result.from} -> ${result.to} ${result.protocol}/${result.port}: ${verdict}${result.governed ? '' : ' (not governed by NetworkPolicy)'}`];
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
  lines.push('', 'all = all connections, - = none, self = a pod to itself (not governed), n/a = outside the cluster on both sides');
  return lines.join('\n') + '\n';
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock reach: ${message}\nusage: ${SPEC.usage}\n`);
  return EXIT_USAGE;
}
