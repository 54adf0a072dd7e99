import { defineContainerRule } from '../defineContainerRule';
import { containersOf, LONG_RUNNING_KINDS } from '../objects/podSpecs';
import type { DocumentRule, RuleMeta } from '../ruleTypes';

/** A probe rule for long-running workloads: each container of a Deployment, StatefulSet, DaemonSet… should have the probe. */
function missingProbe(meta: RuleMeta, probe: 'readinessProbe' | 'livenessProbe', why: string): DocumentRule {
  return defineContainerRule(meta, (pod, report, target) => {
    if (typeof target.object.kind !== 'string' || !LONG_RUNNING_KINDS.has(target.object.kind)) return;
    for (const { path, container } of containersOf(pod, ['containers'])) {
      if (container[probe] !== undefined) continue;
      const name = typeof container.name === 'string' ? ` \`${container.name}\`` : '';
      report(path, `Container${name} has no \`${probe}\`: ${why}`, { target: 'key' });
    }
  });
}

export const missingReadinessProbe = missingProbe(
  { code: 'bp/missing-readiness-probe', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers of long-running workloads should have a readiness probe.' },
  'readinessProbe',
  'Services send it traffic as soon as it starts, and rollouts cannot tell when it is ready.',
);

export const missingLivenessProbe = missingProbe(
  { code: 'bp/missing-liveness-probe', defaultSeverity: 'information', category: 'best-practice', summary: 'Containers of long-running workloads should have a liveness probe.' },
  'livenessProbe',
  'a hung process is never restarted.',
);
