import * as l10n from '@vscode/l10n';
import type { ClusterObjects } from '../model/clusterObjects';
import type { SimNode } from '../model/node';
import type { Manifest, SimFinding } from '../model/source';
import type { ExpansionContext, WorkloadPods } from './context';
import { expandDaemonSet } from './daemonSet';
import { expandJob } from './job';
import { PodNamer } from './names';
import { expandPod } from './pod';
import { expandDeployment, expandReplicaSet } from './replicaSets';
import { expandStatefulSet } from './statefulSet';
import { ownValue } from '../model/ownValue';

/**
 * The pods the manifests' workloads stand for, in document order, as their controllers would
 * create them on a fresh `kubectl apply`: Pod, Deployment (through its ReplicaSet), ReplicaSet,
 * ReplicationController, StatefulSet, DaemonSet (one per eligible node) and Job.
 * Bounded: at most `maxPodsPerWorkload` per workload and `maxPodsTotal` in all (`sim/too-many-pods`).
 */
export interface ExpansionOptions {
  nodes: readonly SimNode[];
  objects: ClusterObjects;
  maxPodsPerWorkload: number;
  maxPodsTotal: number;
  /** Names already taken (pods of the cluster profile). */
  takenPodKeys?: Iterable<string>;
  /**
   * One pod per Deployment's or ReplicaSet's replicas instead of all of them (`WorkloadPods.replicasPerPod`
   * says how many it stands for; the limits count them all): for what only asks which labels and
   * ports the pods have (`drydock check`'s pod references), not where each one runs. Default false.
   */
  representatives?: boolean;
}

export interface Expansion {
  workloads: WorkloadPods[];
  findings: SimFinding[];
}

type Expander = (ctx: ExpansionContext, manifest: Manifest) => WorkloadPods | undefined;

const EXPANDERS: Record<string, Expander> = {
  Pod: expandPod,
  Deployment: expandDeployment,
  ReplicaSet: expandReplicaSet,
  ReplicationController: expandReplicaSet,
  StatefulSet: expandStatefulSet,
  DaemonSet: expandDaemonSet,
  Job: expandJob,
};

export function expandWorkloads(manifests: readonly Manifest[], options: ExpansionOptions): Expansion {
  const namer = new PodNamer();
  for (const key of options.takenPodKeys ?? []) {
    const slash = key.indexOf('/');
    namer.claim(key.slice(0, slash), key.slice(slash + 1));
  }
  const ctx: ExpansionContext = {
    nodes: options.nodes,
    objects: options.objects,
    namer,
    maxPodsPerWorkload: options.maxPodsPerWorkload,
    maxPodsTotal: options.maxPodsTotal,
    created: 0,
    representatives: options.representatives === true,
    findings: [],
  };
  const workloads: WorkloadPods[] = [];
  for (const manifest of manifests) {
    const kind = typeof manifest.object.kind === 'string' ? manifest.object.kind : '';
    const expander = ownValue(EXPANDERS, kind);
    if (expander) {
      const result = expander(ctx, manifest);
      if (result) workloads.push(result);
    } else if (kind === 'Node') {
      ctx.findings.push({ source: manifest.source, path: ['kind'], severity: 'information', code: 'sim/node-in-manifests', message: l10n.t('Nodes are read from the cluster profile (the drydock.cluster setting or --cluster), not from the manifests; this Node is not simulated.') });
    }
  }
  return { workloads, findings: ctx.findings };
}
