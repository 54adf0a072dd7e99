import * as l10n from '@vscode/l10n';
import { defineContainerRule } from '../defineContainerRule';
import { containersOf, LONG_RUNNING_KINDS } from '../objects/podSpecs';
import type { DocumentRule, RuleMeta } from '../ruleTypes';

/** A probe rule for long-running workloads: each container of a Deployment, StatefulSet, DaemonSet… should have the probe. */
function missingProbe(meta: RuleMeta, probe: 'readinessProbe' | 'livenessProbe', message: (name: string) => string): DocumentRule {
  return defineContainerRule(meta, (pod, report, target) => {
    if (typeof target.object.kind !== 'string' || !LONG_RUNNING_KINDS.has(target.object.kind)) return;
    for (const { path, container } of containersOf(pod, ['containers'])) {
      if (container[probe] !== undefined) continue;
      const name = typeof container.name === 'string' ? ` \`${container.name}\`` : '';
      report(path, message(name), { target: 'key' });
    }
  });
}

export const missingReadinessProbe = missingProbe(
  { code: 'bp/missing-readiness-probe', defaultSeverity: 'warning', category: 'best-practice', summary: 'Containers of long-running workloads should have a readiness probe.' },
  'readinessProbe',
  (name) => l10n.t('Container{0} has no `{1}`: Services send it traffic as soon as it starts, and rollouts cannot tell when it is ready.', name, 'readinessProbe'),
);

export const missingLivenessProbe = missingProbe(
  { code: 'bp/missing-liveness-probe', defaultSeverity: 'information', category: 'best-practice', summary: 'Containers of long-running workloads should have a liveness probe.' },
  'livenessProbe',
  (name) => l10n.t('Container{0} has no `{1}`: a hung process is never restarted.', name, 'livenessProbe'),
);
