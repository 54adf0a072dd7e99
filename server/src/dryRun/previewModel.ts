import type { PreviewDiagnostic, PreviewModel, PreviewNode, PreviewScope, PreviewService, ReachResults, RolloutResults, SourceLocation } from '../protocol/preview';
import type { RolloutResult } from '../simulator/controllers';
import type { SourceRef } from '../simulator/model/source';
import type { SimulatedNode } from '../simulator/simulate';
import type { DryRunOutput } from './dryRun';
import { previewPods } from './previewPods';
import { previewRoutes } from './previewRoutes';

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
  return {
    source: { uri: context.uri, scope: context.scope },
    kubernetesVersion: context.kubernetesVersion,
    neverReady: context.neverReady,
    simulation: {
      nodes: run.simulation.nodes.map((n) => previewNode(n, context.locate)),
      pods: previewPods(run.simulation.pods, context.locate),
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
    rollout: rolloutResults(run.rollouts, context.locate),
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
    source: locate(node.source),
  };
}

function rolloutResults(rollouts: readonly RolloutResult[], locate: Locator): RolloutResults {
  return {
    deployments: rollouts.map((r) => ({
      namespace: r.namespace,
      name: r.name,
      strategy: r.strategy,
      maxSurge: r.maxSurge,
      maxUnavailable: r.maxUnavailable,
      outcome: r.outcome,
      replicas: r.replicas,
      stallReason: r.stallReason,
      notes: r.notes,
      source: locate(r.findings[0]?.source ?? null),
      steps: r.steps.map((s) => ({
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
      })),
    })),
  };
}

function reachResults(run: DryRunOutput): ReachResults {
  return {
    queries: run.reach.queries.map((q) => ({ from: q.from, to: q.to, port: q.port, protocol: q.protocol, allowed: q.allowed, ingress: q.ingress, egress: q.egress, explanation: q.explanation })),
    matrix: run.reach.matrix,
    notes: run.reach.matrixError ? [...run.reach.notes, run.reach.matrixError] : run.reach.notes,
  };
}
