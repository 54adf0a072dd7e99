/**
 * The cluster preview's model: what the language server answers to `drydock/preview` (`PreviewModel`)
 * and `drydock/podDetails` (`PodDetails`), drawn by the preview webview. The requests themselves are
 * in requests.ts, the messages between the VS Code host and the webview in webviewMessages.ts.
 *
 * Types only, importing nothing but its sibling protocol files (type-only), so the extension client,
 * the language server and the browser bundle (client/webview, DOM lib) can all import it. Everything
 * is plain JSON. One file per concept: where an object was written (sourceLocation.ts), nodes and pods (previewNodes.ts), Services (previewServices.ts),
 * rollouts (previewRollouts.ts), reachability (previewReach.ts), Ingress routes (previewRoutes.ts), the
 * rollout baseline (rolloutBaseline.ts); this file holds the model that gathers them and re-exports
 * them, so that importers need one path.
 */

import type { PreviewNode, PreviewPod } from './previewNodes';
import type { ReachResults } from './previewReach';
import type { RolloutResults } from './previewRollouts';
import type { PreviewRoutes } from './previewRoutes';
import type { PreviewService } from './previewServices';
import type { PreviewBaseline } from './rolloutBaseline';

export type * from './sourceLocation';
export type * from './previewNodes';
export type * from './previewServices';
export type * from './previewRollouts';
export type * from './previewReach';
export type * from './previewRoutes';

/**
 * Which manifests the simulation covers: the active document only, the manifests of its folder and the
 * folders below (`folder`: the request's `uri` is still the document), every manifest of the workspace,
 * or what one Helm chart or Kustomize overlay renders to (the request's `uri` is then the chart's or
 * overlay's folder, as a file URI).
 */
export type PreviewScope = 'file' | 'folder' | 'workspace' | 'project';

/** A chart or overlay of the workspace that the preview can simulate as rendered (scope `project`). */
export interface PreviewProject {
  /** The chart's or overlay's folder, as a file URI: the `uri` of a `project` preview. */
  uri: string;
  kind: 'helm' | 'kustomize';
  /** The folder relative to its workspace folder, e.g. "charts/platform". */
  label: string;
  /** Helm: the values files it is rendered with, relative to the chart (its own values.yaml first). */
  valuesFiles?: string[];
  /** Why it is not rendered now (no tool, untrusted, failed…); absent when its render is at hand. */
  problem?: string;
}


export interface PreviewDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** The scheduling part of the model: nodes, pods, Services and the findings shown with them. */
export interface PreviewSimulation {
  nodes: PreviewNode[];
  pods: PreviewPod[];
  services: PreviewService[];
  diagnostics: PreviewDiagnostic[];
}

/** Everything the preview webview draws. */
export interface PreviewModel {
  source: {
    /** The document the preview follows; null when no manifest is active. */
    uri: string | null;
    scope: PreviewScope;
  };
  /** The version whose defaults the simulation used, e.g. "1.36". */
  kubernetesVersion: string;
  simulation: PreviewSimulation;
  rollout?: RolloutResults;
  reach?: ReachResults;
  /** The rollout was simulated with `neverReady` (echo of the request). */
  neverReady?: boolean;
  /** The workspace's charts and overlays, in path order: the other sources the preview offers. */
  projects?: PreviewProject[];
  /** Why the preview is empty although asked for (a chart or overlay that is not rendered). */
  notice?: string;
  /** Which cluster was simulated, and the workspace's other cluster files to switch `drydock.cluster` to. */
  cluster?: PreviewCluster;
  /** Ingress → path → Service → pods (the Routes tab); absent from older servers. */
  routes?: PreviewRoutes;
  /** What the followed document's rollouts are from (the rollout view's picker); absent for charts and overlays. */
  baseline?: PreviewBaseline;
  /** Scopes `folder` and `workspace`: the objects several files define, and which copy is simulated. */
  duplicates?: PreviewDuplicate[];
}

/** A manifest file as the preview names it. */
export interface PreviewFile {
  uri: string;
  /** The path relative to its workspace folder, e.g. "rollout/new/web.yaml" (else the file name). */
  label: string;
}

/**
 * One object (API group, kind, namespace, name) that more than one file of a folder or workspace
 * preview defines: the preview's note ("Deployment shop/web is defined in 4 files: … — the last
 * applied (b.yaml) is simulated") and the file shown beside the name in every list.
 */
export interface PreviewDuplicate {
  kind: string;
  /** '' for a cluster-scoped object. */
  namespace: string;
  name: string;
  /** Every file that defines it, in apply order (by path, as `kubectl apply -f <folder>` takes them). */
  files: PreviewFile[];
  /** The file of the copy that is simulated: the last applied, `kubectl apply` keeps that one. */
  simulated: string;
}

/** The `drydock.cluster` value that picks the built-in cluster even when `.drydock/cluster.yaml` exists. */
export const BUILTIN_CLUSTER = 'builtin';

/** The simulated cluster: the profile file (null: the built-in one), its node count, and the choices. */
export interface PreviewCluster {
  file: string | null;
  label: string;
  nodes: number;
  choices: Array<{ uri: string; label: string; nodes: number }>;
}
