import { RequestType0 } from 'vscode-jsonrpc/lib/common/messages';


/** Why a dry run ran: the diagnostics of changed documents, or a preview (`drydock/preview`). */
export type DryRunPurpose = 'diagnostics' | 'preview';

export interface DryRunStats {
  /** Every run since the server started, oldest first (the last 200). */
  runs: DryRunPurpose[];
  /** How many runs there were in all (`runs` keeps the last 200). */
  total: number;
  /** A diagnostics run is scheduled or one of either kind is under way. */
  busy: boolean;
}

/**
 * Request `drydock/dryRunStats` (client → server, no params): the dry runs the server has done, in
 * order, and whether one is due or under way. For tests and diagnosis (the extension's hidden command
 * `drydock.internal.dryRunStats` forwards it); nothing in the product reads it.
 */
export const DryRunStatsRequest = new RequestType0<DryRunStats, void>('drydock/dryRunStats');
