import type { PreviewScope } from '../../../server/src/protocol/preview';
import type { WebviewToHost } from '../../../server/src/protocol/webviewMessages';
import { parseWhatIfEvents } from '../../../server/src/protocol/whatIf';

/**
 * Validation of what comes out of the webview. The webview renders untrusted manifest text, so the
 * host treats its messages as untrusted input: anything not exactly of a known shape is dropped.
 * Pure (no vscode import) so it is unit-tested directly.
 */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'revealSource': {
      const location = raw.location;
      if (!isRecord(location) || typeof location.uri !== 'string' || !isLine(location.line)) return undefined;
      if (location.uri.length === 0 || location.uri.length > 4096) return undefined;
      return { type: 'revealSource', location: { uri: location.uri, line: location.line } };
    }
    case 'setScope':
      if (raw.scope === 'project') return isFolderUri(raw.project) ? { type: 'setScope', scope: 'project', project: raw.project } : undefined;
      return raw.scope === 'file' || raw.scope === 'folder' || raw.scope === 'workspace' ? { type: 'setScope', scope: raw.scope } : undefined;
    case 'setNeverReady':
      return typeof raw.neverReady === 'boolean' ? { type: 'setNeverReady', neverReady: raw.neverReady } : undefined;
    case 'setCluster':
      if (raw.uri === null) return { type: 'setCluster', uri: null };
      return isFolderUri(raw.uri) ? { type: 'setCluster', uri: raw.uri } : undefined;
    case 'podDetails':
      return isPodKey(raw.pod) ? { type: 'podDetails', pod: raw.pod } : undefined;
    case 'explainConnection':
      return isEndpointLabel(raw.from) && isEndpointLabel(raw.to) ? { type: 'explainConnection', from: raw.from, to: raw.to } : undefined;
    case 'routeQuery':
      return typeof raw.url === 'string' && raw.url.trim().length > 0 && raw.url.length <= MAX_ROUTE_QUERY_URL ? { type: 'routeQuery', url: raw.url } : undefined;
    case 'setRolloutBaseline':
      return raw.pick === 'head' || raw.pick === 'saved' || raw.pick === 'file' ? { type: 'setRolloutBaseline', pick: raw.pick } : undefined;
    case 'whatIf': {
      const events = parseWhatIfEvents(raw.events);
      return events ? { type: 'whatIf', events } : undefined;
    }
    default:
      return undefined;
  }
}

/** The longest URL the Routes tab's box may ask about. */
export const MAX_ROUTE_QUERY_URL = 2048;

/** What the host needs back from the webview's saved state after a window reload. */
export interface RestoredTarget {
  /** The document followed (the active editor's). */
  uri: string | null;
  scope: PreviewScope;
  /** The chart's or overlay's folder previewed with scope `project`. */
  project: string | null;
  neverReady: boolean;
}

export function parsePersistedState(raw: unknown): RestoredTarget {
  const state = isRecord(raw) ? raw : {};
  const project = isFolderUri(state.project) ? state.project : null;
  return {
    uri: typeof state.uri === 'string' && state.uri.length > 0 ? state.uri : null,
    scope: isScope(state.scope) && (state.scope !== 'project' || project !== null) ? state.scope : 'file',
    project,
    neverReady: state.neverReady === true,
  };
}

/**
 * Whether a reveal may open `uri`: only `file:` URIs inside one of the workspace folders, or the
 * document being previewed itself (a single file opened without a folder). Paths are compared
 * after normalisation so `..` segments cannot climb out of a folder.
 */
export function isRevealAllowed(uri: string, workspaceFolders: readonly string[], previewed: string | null): boolean {
  if (previewed !== null && uri === previewed) return true;
  const target = parseFileUri(uri);
  if (target === null) return false;
  return workspaceFolders.some((folder) => {
    const root = parseFileUri(folder);
    if (root === null) return false;
    const prefix = root.endsWith('/') ? root : `${root}/`;
    return target.startsWith(prefix);
  });
}

/** The normalised path of a `file:` URI (no query or fragment), or null for anything else. */
function parseFileUri(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:' || url.search || url.hash) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  // URL parsing has already resolved "." and ".." segments; a decoded "%2e%2e" is refused outright.
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return `${url.host ? `//${url.host}` : ''}${path}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000_000;
}

/** "namespace/name": both parts non-empty, no further slash, at most 253 + 1 + 253 characters. */
function isPodKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 507 && /^[^/]+\/[^/]+$/.test(value);
}

/** A row's or column's label of the reachability matrix ("ns/workload (3 pods)", an address range): non-empty, at most 1,024 characters. */
function isEndpointLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 1024;
}

function isScope(value: unknown): value is PreviewScope {
  return value === 'file' || value === 'folder' || value === 'workspace' || value === 'project';
}

/** A chart's or overlay's folder as the server lists it: a `file:` URI of sane length. */
function isFolderUri(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 4096 && value.startsWith('file:');
}
