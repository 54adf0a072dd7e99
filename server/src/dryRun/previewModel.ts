import type { PreviewDiagnostic, PreviewModel, PreviewNode, PreviewPod, PreviewScope, PreviewService, ReachResults, RolloutResults, SourceLocation } from '../protocol/preview';
import type { RolloutResult } from '../simulator/controllers';
import { previewInitialStep } from './previewRolloutInitial';
import type { Manifest, SourceRef } from '../simulator/model/source';
import type { SimulatedNode } from '../simulator/simulate';
import type { DryRunOutput } from './dryRun';
import { namespaceOf } from './lastApplied';
import { previewPods } from './previewPods';
import { previewRoutes } from './previewRoutes';
import { nodeVolumesOf, podVolumesOf } from './previewVolumes';

/** Where a manifest object starts (0-based line), for click-to-reveal; null when it has no file. */
export type Locator = (source: SourceRef | null) => SourceLocation | null;

export interface PreviewContext {
  uri: string | null;
  scope: PreviewScope;
  kubernetesVersion: string;
  neverReady: boolean;
  locate: Locator;
  diagnostics: PreviewDiagnostic[];
}

/** The dry run as the preview webview draws it (`server/src/protocol/preview.ts`). */
export function previewModel(run: DryRunOutput, context: PreviewContext): PreviewModel {
  const nodeVolumes = nodeVolumesOf(run.simulation);
  return {
    source: { uri: context.uri, scope: context.scope },
    kubernetesVersion: context.kubernetesVersion,
    neverReady: context.neverReady,
    simulation: {
      nodes: run.simulation.nodes.map((n) => withVolumes(previewNode(n, context.locate), nodeVolumes.get(n.node.name))),
      pods: withPodVolumes(previewPods(run.simulation.pods, context.locate), run, context.locate),
      services: run.services.services.map(
        (s): PreviewService => ({
          namespace: s.namespace,
          name: s.name,
          type: s.type,
          source: context.locate(s.source),
          ports: s.ports.map((p) => ({
            name: p.name,
            port: p.port,
            protocol: p.protocol,
            targetPort: p.targetPort,
            endpoints: p.endpoints.flatMap((e) => (e.port === null ? [] : [{ pod: e.pod, port: e.port, ready: e.ready }])),
          })),
        }),
      ),
      diagnostics: context.diagnostics,
    },
    rollout: rolloutResults(run.rollouts, run.reachInput.manifests, context.locate),
    reach: reachResults(run),
    routes: previewRoutes(run.routes, run.services.services, context.locate),
  };
}

function previewNode({ node, requested }: SimulatedNode, locate: Locator): PreviewNode {
  return {
    name: node.name,
    labels: { ...node.labels },
    taints: node.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
    allocatable: { ...node.allocatable },
    requested: { ...requested },
    unschedulable: node.unschedulable,
    ready: node.ready,
    ...(node.conditions && node.conditions.length > 0 ? { conditions: node.conditions.map((c) => ({ ...c })) } : {}),
    source: locate(node.source),
  };
}

/** The node's attached volumes and CSI limits, when it has either. */
function withVolumes(node: PreviewNode, volumes: PreviewNode['volumes']): PreviewNode {
  if (volumes) node.volumes = volumes;
  return node;
}

/** Each pod's claims and the PV each got (previewVolumes.ts), on the pods with claims; same order as `run.simulation.pods`. */
function withPodVolumes(pods: PreviewPod[], run: DryRunOutput, locate: Locator): PreviewPod[] {
  const volumesOf = podVolumesOf(run.simulation, run.reachInput.manifests, locate);
  run.simulation.pods.forEach((simulated, i) => {
    const volumes = volumesOf(simulated.pod);
    if (volumes) Object.assign(pods[i], volumes);
  });
  return pods;
}

function rolloutResults(rollouts: readonly RolloutResult[], simulated: readonly Manifest[], locate: Locator): RolloutResults {
  return {
    deployments: rollouts.map((r) => ({
      namespace: r.namespace,
      name: r.name,
      strategy: r.strategy,
      maxSurge: r.maxSurge,
      maxUnavailable: r.maxUnavailable,
      maxSurgeSpec: r.maxSurgeSpec,
      maxUnavailableSpec: r.maxUnavailableSpec,
      ...(r.newPodsWaitFor === undefined ? {} : { newPodsWaitFor: r.newPodsWaitFor }),
      outcome: r.outcome,
      replicas: r.replicas,
      stallReason: r.stallReason,
      notes: r.notes,
      source: deploymentLocation(r, simulated, locate),
      // Step 0 is the state before the first tick (previewRolloutInitial.ts); a rollout without steps (invalid) gets none.
      steps: [...(r.initial && r.steps.length > 0 ? [previewInitialStep(r.initial)] : []), ...r.steps.map((s) => ({
        step: s.step,
        oldReplicas: s.oldReplicas,
        newReplicas: s.newReplicas,
        available: s.available,
        unavailable: s.unavailable,
        actions: s.actions,
        pending: s.pending,
        rolloutStatus: s.rolloutStatus,
        replicaSets: s.replicaSets.map((rs) => ({ ...rs })),
        // Absent when the step was too large to list pod by pod (the view then shows counts only).
        ...(s.pods ? { pods: s.pods.map((p) => ({ pod: p.pod, node: p.node, isNew: p.isNew, ready: p.ready })) } : {}),
      }))],
    })),
  };
}

/**
 * Where the rolled-out Deployment was written, with its document: the webview matches a CodeLens's
 * document against it (never the namespace and name alone). The run keeps one copy per object, so
 * the namespace and name find it among the simulated manifests.
 */
function deploymentLocation(rollout: RolloutResult, simulated: readonly Manifest[], locate: Locator): SourceLocation | null {
  const manifest = simulated.find((m) => m.object.kind === 'Deployment' && m.object.metadata?.name === rollout.name && namespaceOf(m) === rollout.namespace);
  const source = manifest?.source ?? rollout.findings[0]?.source ?? null;
  const location = locate(source);
  return location && source ? { ...location, document: source.document } : location;
}

function reachResults(run: DryRunOutput): ReachResults {
  return {
    queries: run.reach.queries.map((q) => ({ from: q.from, to: q.to, port: q.port, protocol: q.protocol, allowed: q.allowed, ingress: q.ingress, egress: q.egress, explanation: q.explanation })),
    matrix: run.reach.matrix,
    notes: run.reach.matrixError ? [...run.reach.notes, run.reach.matrixError] : run.reach.notes,
    policies: run.reach.policies,
  };
}
