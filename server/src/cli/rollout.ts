import * as l10n from '@vscode/l10n';
import { rolloutDryRun } from '../dryRun/rolloutDryRun';
import type { RolloutResult, RolloutStep } from '../simulator/controllers';
import { parseArgs, type ArgSpec } from './args';
import { manifestsOfInputs, readInputs } from './inputs';
import { CliConfigs, configuredLocated } from './cliConfigs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { formatLocated, locateFindings } from './locatedFindings';
import { RENDER_OPTIONS, RENDER_USAGE, sourceReader } from './renderInputs';
import { dryRunManifests, withRenderedProjects } from './renderedInputs';

const SPEC: ArgSpec = {
  options: { from: 'string', to: 'string', cluster: 'string', 'never-ready': 'boolean', format: 'string', ...RENDER_OPTIONS },
  usage: `drydock rollout --from OLD --to NEW [--cluster FILE] [--never-ready] [--format text|json] ${RENDER_USAGE}`,
};

/**
 * `drydock rollout`: the step sequence the Deployment controller goes through for every Deployment
 * in NEW, starting from its version in OLD (a first rollout when OLD lacks it). Every new pod is
 * placed on the `--cluster` nodes (or anywhere when no cluster is given). Exit 0 when every rollout
 * completes, 1 when one stalls or is invalid (or any error finding), 2 on usage or IO problems.
 */
export async function runRollout(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, SPEC);
  if (!parsed.ok) return usage(io, parsed.error);
  const format = parsed.options.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, l10n.t('unknown format {0} (text or json)', format));
  const from = parsed.options.from;
  const to = parsed.options.to;
  if (!from || !to) return usage(io, l10n.t('--from and --to are required'));
  if (parsed.positionals.length > 0) return usage(io, l10n.t('unexpected argument {0}', parsed.positionals[0]));

  // `.drydock.yaml`: the nearest to NEW names the cluster (`--cluster` wins); each file's, its severities, ignore and suppressions.
  const configs = new CliConfigs(io.cwd, (message) => io.stderr(`drydock rollout: ${message}\n`), 'dry-run');
  const cluster = parsed.options.cluster ?? configs.clusterOf([to]);
  const paths = [from, to, ...(cluster ? [cluster] : [])];
  // The manifests are read within the language service's input budget; the cluster profile whatever its size (as the server does).
  const read = await Promise.all(paths.map((path, i) => readInputs([path], io.cwd, { budget: i < 2 })));
  // A rollout from or to a file that was not read would be wrong, not partial: that is an input problem.
  const errors = [...read.flatMap((inputs) => inputs.errors), ...read.flatMap((inputs) => inputs.files.flatMap((f) => (f.oversize ? [`${f.path}: ${f.oversize}`] : [])))];
  if (errors.length > 0) {
    for (const error of errors) io.stderr(`drydock rollout: ${error}\n`);
    return EXIT_USAGE;
  }
  const [oldRead, newRead, clusterInputs] = read;
  // OLD and NEW may be charts or overlays (two overlays, or one chart before and after): each as it renders.
  const [oldProjects, newProjects] = await Promise.all([withRenderedProjects(oldRead, parsed, io.cwd), withRenderedProjects(newRead, parsed, io.cwd)]);
  for (const problem of [...oldProjects.problems, ...newProjects.problems]) io.stderr(`drydock rollout: ${problem}\n`);
  const oldInputs = oldProjects.inputs;
  const newInputs = newProjects.inputs;
  const run = rolloutDryRun({
    from: dryRunManifests(oldInputs, oldProjects.rendered),
    to: dryRunManifests(newInputs, newProjects.rendered),
    cluster: clusterInputs ? manifestsOfInputs(clusterInputs) : null,
    neverReady: parsed.flags['never-ready'] === true,
  });
  if (run.rollouts.length === 0) return usage(io, l10n.t('no apps/v1 Deployment in {0}', to));
  const results = run.rollouts;
  const rendered = { inputs: [...oldProjects.rendered, ...newProjects.rendered], readText: sourceReader([...oldRead.files, ...newRead.files], io.cwd), cwd: io.cwd };
  const findings = configuredLocated(configs, locateFindings(run.findings, [...oldInputs.files, ...newInputs.files, ...(clusterInputs?.files ?? [])], rendered), rendered.readText, io.cwd);

  if (format === 'json') {
    io.stdout(JSON.stringify({ deployments: results.map(toJson), removed: run.removed, placement: run.placement, findings }) + '\n');
  } else {
    io.stdout(results.map(formatText).join('\n') + formatRemoved(run.removed) + formatLocated(findings));
  }
  const failed = results.some((r) => r.outcome === 'stalled' || r.outcome === 'invalid') || findings.some((f) => f.severity === 'error');
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

function toJson(result: RolloutResult): Record<string, unknown> {
  const { findings: _findings, ...rest } = result;
  return {
    ...rest,
    steps: result.steps.map((step) => ({
      oldReplicas: step.oldReplicas, newReplicas: step.newReplicas, available: step.available, unavailable: step.unavailable,
      actions: step.actions, pending: step.pending,
      step: step.step, total: step.total, scheduled: step.scheduled, becameAvailable: step.becameAvailable,
      replicaSets: step.replicaSets, availableCondition: step.availableCondition, complete: step.complete, rolloutStatus: step.rolloutStatus,
      actionDetails: step.actionDetails.map(({ after: _after, ...action }) => action),
      // Every pod at the end of the step (see RolloutStep.pods); left out of a step too large to list.
      ...(step.pods ? { pods: step.pods } : {}),
    })),
  };
}

function formatText(result: RolloutResult): string {
  const lines: string[] = [];
  const spec = (resolved: number, written: string | null) => (written && written.endsWith('%') ? `${resolved} (${written})` : String(resolved));
  const fence = result.strategy === 'RollingUpdate'
    ? `  maxSurge ${spec(result.maxSurge, result.maxSurgeSpec)}  maxUnavailable ${spec(result.maxUnavailable, result.maxUnavailableSpec)}`
    : '';
  lines.push(`${result.namespace}/${result.name}  ${result.strategy}  replicas ${result.replicas}${fence}`);
  if (result.steps.length > 0) lines.push('  step   old   new  avail  unavail  actions');
  for (const step of result.steps) lines.push(...formatStep(step));
  lines.push(`  outcome: ${result.outcome}${result.stallReason ? ` — ${result.stallReason}` : ''}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}

function formatStep(step: RolloutStep): string[] {
  const numbers = [step.step, step.oldReplicas, step.newReplicas, step.available, step.unavailable].map((n, i) => String(n).padStart([6, 6, 6, 7, 9][i]));
  const head = numbers.join('');
  const pad = ' '.repeat(head.length);
  const actions = step.actions.length > 0 ? step.actions : [step.becameAvailable > 0 ? `(${l10n.t('{0} pod(s) became available', step.becameAvailable)})` : `(${l10n.t('wait')})`];
  const lines = actions.map((action, i) => `${i === 0 ? head : pad}  ${action}`);
  for (const pending of step.pending) lines.push(`${pad}  pending ${pending}`);
  return lines;
}

function formatRemoved(removed: string[]): string {
  return removed.length === 0 ? '' : `\n${l10n.t('removed (in OLD only, deleted by this change): {0}', removed.join(', '))}\n`;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`drydock rollout: ${message}\n${l10n.t('usage: {0}', SPEC.usage)}\n`);
  return EXIT_USAGE;
}
