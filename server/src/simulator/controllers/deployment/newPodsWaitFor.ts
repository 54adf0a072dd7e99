import * as l10n from '@vscode/l10n';
import { isRecord } from '../../model/labelSelector';

/**
 * What a new pod of `template` waits for between being scheduled and counting as available, in the
 * manifest's own field names, for the preview's "unavailable" explanation ("1 new pod not ready yet:
 * readinessProbe initialDelaySeconds 10"). The idealised rollout model (rollout.md §3.1) gives this
 * wait one step whatever it is; this only says what it stands for.
 *
 * - the container whose probes start latest: its startupProbe / readinessProbe and their
 *   initialDelaySeconds (a probe without one: "readinessProbe to pass"), the container named when the
 *   pod has several;
 * - no probe at all: "containers to start";
 * - then minReadySeconds when set (a pod counts as available only after being ready that long).
 */
export function newPodsWaitFor(template: Record<string, unknown>, minReadySeconds: number): string {
  const spec = isRecord(template.spec) ? template.spec : {};
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
  let slowest: { name: string; delay: number; text: string } | null = null;
  for (const container of containers) {
    const probes = (['startupProbe', 'readinessProbe'] as const).filter((field) => isRecord(container[field]));
    if (probes.length === 0) continue;
    const delay = probes.reduce((sum, field) => sum + initialDelay(container[field]), 0);
    if (slowest && slowest.delay >= delay) continue;
    const text = probes.map((field) => {
      const seconds = initialDelay(container[field]);
      return seconds > 0 ? `${field} initialDelaySeconds ${seconds}` : l10n.t('{0} to pass', field);
    }).join(l10n.t(', then '));
    slowest = { name: typeof container.name === 'string' ? container.name : '', delay, text };
  }
  const probeText = slowest === null ? l10n.t('containers to start') : containers.length > 1 && slowest.name ? l10n.t('{0} (container {1})', slowest.text, slowest.name) : slowest.text;
  return minReadySeconds > 0 ? l10n.t('{0}, then minReadySeconds {1}', probeText, minReadySeconds) : probeText;
}

function initialDelay(probe: unknown): number {
  if (!isRecord(probe)) return 0;
  const value = probe.initialDelaySeconds;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
