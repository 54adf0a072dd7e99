import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPodsWaitFor } from '../../../../../server/src/simulator/controllers/deployment/newPodsWaitFor';

const template = (...containers: Array<Record<string, unknown>>) => ({ metadata: { labels: { app: 'web' } }, spec: { containers } });

describe('newPodsWaitFor: what a new pod waits for before it is available, in the manifest\'s words', () => {
  const cases: Array<{ name: string; template: Record<string, unknown>; minReadySeconds: number; want: string }> = [
    { name: 'no probe', template: template({ name: 'web' }), minReadySeconds: 0, want: 'containers to start' },
    { name: 'readinessProbe with a delay', template: template({ name: 'web', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds: 10 } }), minReadySeconds: 0, want: 'readinessProbe initialDelaySeconds 10' },
    { name: 'readinessProbe without a delay', template: template({ name: 'web', readinessProbe: { httpGet: { port: 80 } } }), minReadySeconds: 0, want: 'readinessProbe to pass' },
    { name: 'startupProbe, then readinessProbe', template: template({ name: 'web', startupProbe: { initialDelaySeconds: 5 }, readinessProbe: { initialDelaySeconds: 3 } }), minReadySeconds: 0, want: 'startupProbe initialDelaySeconds 5, then readinessProbe initialDelaySeconds 3' },
    { name: 'minReadySeconds after the probe', template: template({ name: 'web', readinessProbe: { initialDelaySeconds: 10 } }), minReadySeconds: 20, want: 'readinessProbe initialDelaySeconds 10, then minReadySeconds 20' },
    { name: 'minReadySeconds alone', template: template({ name: 'web' }), minReadySeconds: 20, want: 'containers to start, then minReadySeconds 20' },
    {
      name: 'several containers: the slowest, named',
      template: template({ name: 'app', readinessProbe: { initialDelaySeconds: 5 } }, { name: 'sidecar', readinessProbe: { initialDelaySeconds: 30 } }, { name: 'log' }),
      minReadySeconds: 0,
      want: 'readinessProbe initialDelaySeconds 30 (container sidecar)',
    },
    { name: 'a hostile delay (negative, a string) counts as none', template: template({ name: 'web', readinessProbe: { initialDelaySeconds: -4 } }, { name: 'b', readinessProbe: { initialDelaySeconds: '9' } }), minReadySeconds: 0, want: 'readinessProbe to pass (container web)' },
    { name: 'no spec at all', template: {}, minReadySeconds: 0, want: 'containers to start' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(newPodsWaitFor(c.template, c.minReadySeconds), c.want));
});
