import { balancedAllocationPlugin } from '../plugins/balancedAllocation';
import { imageLocalityPlugin } from '../plugins/imageLocality';
import { interPodAffinityPlugin } from '../plugins/interPodAffinity';
import { nodeAffinityPlugin } from '../plugins/nodeAffinity';
import { nodeNamePlugin } from '../plugins/nodeName';
import { nodePortsPlugin } from '../plugins/nodePorts';
import { nodeResourcesFitPlugin } from '../plugins/nodeResourcesFit';
import { nodeUnschedulablePlugin } from '../plugins/nodeUnschedulable';
import { podTopologySpreadPlugin } from '../plugins/podTopologySpread';
import { nodeVolumeLimitsPlugin } from '../plugins/nodeVolumeLimits';
import { taintTolerationPlugin } from '../plugins/taintToleration';
import { volumeBindingPlugin } from '../plugins/volumeBinding';
import { volumeRestrictionsPlugin } from '../plugins/volumeRestrictions';
import { volumeZonePlugin } from '../plugins/volumeZone';
import type { Plugin } from '../types';

/**
 * The `default-scheduler` profile (`apis/config/v1/default_plugins.go`, 1.31–1.34), restricted
 * to the plugins that matter without DRA:
 *
 *   Filter, in order: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
 *     NodeResourcesFit, VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone (none of
 *     the four scores in 1.34–1.36), PodTopologySpread, InterPodAffinity.
 *   Score (weight): TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1 (LeastAllocated, cpu
 *     and memory weight 1), PodTopologySpread 2, InterPodAffinity 2,
 *     NodeResourcesBalancedAllocation 1, ImageLocality 1 — at most 1200 in total.
 */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface WeightedPlugin {
  readonly plugin: Plugin;
  readonly weight: number;
}

/** A scheduling profile: Filter plugins in the order they run, Score plugins with their weights. */
export interface Profile {
  readonly name: string;
  readonly filters: readonly Plugin[];
  readonly scorers: readonly WeightedPlugin[];
}

/** The score plugins' names and weights, in profile order (shared by every score table). */
export interface ScoreColumns {
  readonly names: readonly string[];
  readonly weights: readonly number[];
}

export function scoreColumnsOf(profile: Profile): ScoreColumns {
  return { names: Object.freeze(profile.scorers.map((s) => s.plugin.name)), weights: Object.freeze(profile.scorers.map((s) => s.weight)) };
}

export function defaultProfile(): Profile {
  return {
    name: DEFAULT_SCHEDULER_NAME,
    filters: [
      nodeUnschedulablePlugin,
      nodeNamePlugin,
      taintTolerationPlugin,
      nodeAffinityPlugin,
      nodePortsPlugin,
      nodeResourcesFitPlugin,
      volumeRestrictionsPlugin,
      nodeVolumeLimitsPlugin,
      volumeBindingPlugin,
      volumeZonePlugin,
      podTopologySpreadPlugin,
      interPodAffinityPlugin,
    ],
    scorers: [
      { plugin: taintTolerationPlugin, weight: 3 },
      { plugin: nodeAffinityPlugin, weight: 2 },
      { plugin: nodeResourcesFitPlugin, weight: 1 },
      { plugin: podTopologySpreadPlugin, weight: 2 },
      { plugin: interPodAffinityPlugin, weight: 2 },
      { plugin: balancedAllocationPlugin, weight: 1 },
      { plugin: imageLocalityPlugin, weight: 1 },
    ],
  };
}
