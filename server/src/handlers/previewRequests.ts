import type { ExplainConnectionParams, PodDetailsParams, PreviewParams, RouteQueryParams, WhatIfParams } from '../protocol/requests';
import type { SetRolloutBaselineParams } from '../protocol/rolloutBaseline';
import { parseWhatIfEvents } from '../protocol/whatIf';
import { readBaselineChoice } from '../workspace/baselineChoice';
import type { SimulationService } from './simulation';

/**
 * The answers to the Preview Cluster's requests, from the dry runs (server.ts registers them). Their
 * parameters come from a webview, so each is checked before use; a request that fails answers null
 * (false for the baseline), never an error.
 */
export function previewRequestHandlers(simulation: SimulationService) {
  return {
    preview: (params: PreviewParams) => simulation.preview(params).catch(() => null),
    podDetails: (params: PodDetailsParams) => (typeof params?.pod === 'string' && typeof params.uri === 'string' ? simulation.podDetails(params).catch(() => null) : null),
    explainConnection: (params: ExplainConnectionParams) =>
      typeof params?.from === 'string' && typeof params.to === 'string' && typeof params.uri === 'string' ? simulation.explainConnection(params).catch(() => null) : null,
    routeQuery: (params: RouteQueryParams) =>
      typeof params?.url === 'string' && params.url.length <= 2048 && typeof params.uri === 'string' ? simulation.routeQuery(params).catch(() => null) : null,
    setRolloutBaseline: (params: SetRolloutBaselineParams) => {
      const baseline = readBaselineChoice(params?.baseline);
      return baseline !== undefined && typeof params.uri === 'string' && params.uri.length <= 4096 ? simulation.setRolloutBaseline({ uri: params.uri, baseline }) : false;
    },
    whatIf: (params: WhatIfParams) => {
      const events = parseWhatIfEvents(params?.events);
      return events && typeof params.uri === 'string' ? simulation.whatIf({ uri: params.uri, scope: params.scope, neverReady: params.neverReady === true, events }).catch(() => null) : null;
    },
  };
}
