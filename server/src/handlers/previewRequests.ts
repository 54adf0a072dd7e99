import type { Connection } from 'vscode-languageserver/node';
import { DryRunStatsRequest } from '../protocol/dryRunStats';
import { ExplainConnectionRequest, PodDetailsRequest, PreviewRequest, RouteQueryRequest, SetRolloutBaselineRequest, WhatIfRequest } from '../protocol/requests';
import { parseWhatIfEvents } from '../protocol/whatIf';
import { readBaselineChoice } from '../workspace/baselineChoice';
import type { SimulationService } from './simulation';

/**
 * Answers the Preview Cluster's requests from the dry runs. Parameters come from a webview, so each
 * is checked before use; a request that fails answers null (false for the baseline), never an error.
 */
export function answerPreviewRequests(connection: Connection, simulation: SimulationService): void {
  connection.onRequest(PreviewRequest, (params) => simulation.preview(params).catch(() => null));
  connection.onRequest(PodDetailsRequest, (params) =>
    typeof params?.pod === 'string' && typeof params.uri === 'string' ? simulation.podDetails(params).catch(() => null) : null,
  );
  connection.onRequest(ExplainConnectionRequest, (params) =>
    typeof params?.from === 'string' && typeof params.to === 'string' && typeof params.uri === 'string' ? simulation.explainConnection(params).catch(() => null) : null,
  );
  connection.onRequest(RouteQueryRequest, (params) =>
    typeof params?.url === 'string' && params.url.length <= 2048 && typeof params.uri === 'string' ? simulation.routeQuery(params).catch(() => null) : null,
  );
  connection.onRequest(SetRolloutBaselineRequest, (params) => {
    const baseline = readBaselineChoice(params?.baseline);
    return baseline !== undefined && typeof params.uri === 'string' && params.uri.length <= 4096 ? simulation.setRolloutBaseline({ uri: params.uri, baseline }) : false;
  });
  connection.onRequest(WhatIfRequest, (params) => {
    const events = parseWhatIfEvents(params?.events);
    return events && typeof params.uri === 'string' ? simulation.whatIf({ uri: params.uri, scope: params.scope, neverReady: params.neverReady === true, events }).catch(() => null) : null;
  });
  connection.onRequest(DryRunStatsRequest, () => simulation.stats());
}
