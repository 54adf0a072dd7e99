import * as l10n from '@vscode/l10n';
import { addClusterObject, type ClusterObjects } from '../model/clusterObjects';
import { isRecord } from '../model/labelSelector';
import type { SimNode } from '../model/node';
import type { SimPod } from '../model/pod';
import { isTerminalPhase, podFromObject } from '../model/podFromObject';
import type { Manifest, SimFinding } from '../model/source';
import { defaultClusterManifests } from './defaultCluster';
import { nodeFromManifest } from './nodeFromManifest';

/**
 * The cluster the manifests are applied to: its nodes, the pods already there, and the objects
 * (namespaces, priority classes, services, runtime classes) they see.
 *
 * A profile is plain Kubernetes: `Node` objects (single documents or a `List`, exactly what
 * `kubectl get nodes -o yaml` prints) and optionally `Pod` objects (`kubectl get pods -A -o yaml`).
 * A pod with `spec.nodeName` is running there and occupies resources, ports and affinity/spread
 * counts; a pod in phase Succeeded/Failed holds nothing and is left out; a pod without a node is
 * waiting in the real scheduler's queue too, so it is scheduled along with the manifests' pods.
 * Workload objects (Deployments, ReplicaSets…) are ignored: their pods are listed as Pods.
 */
export interface ClusterProfile {
  nodes: SimNode[];
  pods: SimPod[];
  findings: SimFinding[];
  /** True when no profile was given and the embedded default cluster is used. */
  isDefault: boolean;
}

export interface ProfileLimits {
  maxNodes: number;
}

export function readClusterProfile(manifests: Manifest[] | null, objects: ClusterObjects, limits: ProfileLimits): ClusterProfile {
  const isDefault = manifests === null;
  const source = manifests ?? defaultClusterManifests();
  const findings: SimFinding[] = [];
  const nodes: SimNode[] = [];
  const nodeNames = new Set<string>();
  const podKeys = new Set<string>();
  const pods: SimPod[] = [];
  let skippedNodes = 0;
  for (const manifest of source) {
    const { object } = manifest;
    if (object.kind === 'Node') {
      if (nodes.length >= limits.maxNodes) {
        skippedNodes++;
        continue;
      }
      const node = nodeFromManifest(manifest, findings);
      if (!node) continue;
      if (nodeNames.has(node.name)) {
        findings.push(duplicate(manifest, l10n.t('Node {0} is defined twice in the cluster profile; the first definition is used.', node.name)));
        continue;
      }
      nodeNames.add(node.name);
      nodes.push(node);
    } else if (object.kind === 'Pod') {
      const pod = profilePod(manifest, findings);
      if (!pod || isTerminalPhase(pod.phase)) continue;
      if (podKeys.has(pod.key)) {
        findings.push(duplicate(manifest, l10n.t('Pod {0} is defined twice in the cluster profile; the first definition is used.', pod.key)));
        continue;
      }
      podKeys.add(pod.key);
      pods.push(pod);
    } else {
      addClusterObject(objects, manifest);
    }
  }
  if (skippedNodes > 0) {
    const first = source.find((m) => m.object.kind === 'Node');
    if (first) {
      findings.push({
        source: first.source,
        path: ['kind'],
        severity: 'warning',
        code: 'sim/too-many-nodes',
        message: l10n.t('The cluster profile has {0} nodes; only the first {1} are simulated.', nodes.length + skippedNodes, limits.maxNodes),
      });
    }
  }
  if (!isDefault && nodes.length === 0 && source.length > 0) {
    findings.push({ source: source[0].source, path: ['kind'], severity: 'warning', code: 'sim/no-nodes', message: l10n.t('The cluster profile has no Node objects: every pod stays Pending ("{0}").', 'no nodes available to schedule pods') });
  }
  return { nodes, pods, findings, isDefault };
}

function profilePod(manifest: Manifest, findings: SimFinding[]): SimPod | undefined {
  const metadata = isRecord(manifest.object.metadata) ? manifest.object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (name === '') {
    findings.push({ source: manifest.source, path: ['metadata'], severity: 'warning', code: 'sim/invalid-pod', message: l10n.t('This Pod has no metadata.name; it is left out of the cluster profile.') });
    return undefined;
  }
  return podFromObject(manifest.object, manifest.source, name, 'cluster');
}

function duplicate(manifest: Manifest, message: string): SimFinding {
  return { source: manifest.source, path: ['metadata', 'name'], severity: 'warning', code: 'sim/duplicate-object', message };
}
