import type { WorkloadRef } from '../../../server/src/protocol/webviewMessages';

/** Kinds whose pods the preview can place. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod']);

export interface WorkloadAnchor {
  workload: WorkloadRef;
  /** 0-based index of its document, counted as the server splits the file (a `---` line on the first line starts none). */
  document: number;
  /** 0-based line of the document's `kind:` key, where the CodeLens goes. */
  line: number;
}

/**
 * Finds the workloads of a multi-document YAML file with a line scan, cheap enough to run on every
 * CodeLens request: per document, the top-level `apiVersion:` and `kind:` keys, and the `name:` and
 * `namespace:` directly under top-level `metadata:`. Flow-style or anchored metadata is not
 * recognised (no lens, nothing breaks); the language server remains the judge of what is valid.
 *
 *   apiVersion: apps/v1        ← top level (column 0)
 *   kind: Deployment           ← lens line
 *   metadata:
 *     name: web                ← first indentation level under metadata
 *     namespace: shop
 */
export function findWorkloads(text: string): WorkloadAnchor[] {
  const anchors: WorkloadAnchor[] = [];
  let doc = emptyDocument();
  let document = 0;
  const flush = () => {
    if (doc.hasApiVersion && doc.kind && doc.kindLine >= 0 && doc.name && WORKLOAD_KINDS.has(doc.kind)) {
      anchors.push({ workload: { kind: doc.kind, name: doc.name, namespace: doc.namespace ?? 'default' }, document, line: doc.kindLine });
    }
    doc = emptyDocument();
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      flush();
      if (i > 0 && line.startsWith('---')) document++;
      continue;
    }
    const top = /^([A-Za-z][\w.-]*):(?:\s+(.*))?$/.exec(line);
    if (top) {
      doc.inMetadata = top[1] === 'metadata' && !scalar(top[2]);
      doc.metadataIndent = -1;
      if (top[1] === 'apiVersion') doc.hasApiVersion = true;
      if (top[1] === 'kind') {
        doc.kind = scalar(top[2]);
        doc.kindLine = i;
      }
      continue;
    }
    if (!doc.inMetadata) continue;
    const nested = /^(\s+)([A-Za-z][\w.-]*):(?:\s+(.*))?$/.exec(line);
    if (!nested) continue;
    const indent = nested[1].length;
    if (doc.metadataIndent < 0) doc.metadataIndent = indent;
    if (indent !== doc.metadataIndent) continue;
    if (nested[2] === 'name') doc.name = scalar(nested[3]);
    if (nested[2] === 'namespace') doc.namespace = scalar(nested[3]);
  }
  flush();
  return anchors;
}

interface ScannedDocument {
  hasApiVersion: boolean;
  kind: string | null;
  kindLine: number;
  name: string | null;
  namespace: string | null;
  inMetadata: boolean;
  metadataIndent: number;
}

function emptyDocument(): ScannedDocument {
  return { hasApiVersion: false, kind: null, kindLine: -1, name: null, namespace: null, inMetadata: false, metadataIndent: -1 };
}

/** A plain or quoted one-line scalar without a trailing comment; null when empty. */
function scalar(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let value = raw.trim();
  const quoted = /^(['"])(.*)\1(\s+#.*)?$/.exec(value);
  if (quoted) value = quoted[2];
  else value = value.replace(/\s+#.*$/, '').trim();
  return value.length > 0 ? value : null;
}

/**
 * The workloads of a Helm template, by their top-level `kind:` line (names are template expressions,
 * so only the kind is read): where "Preview placement" of the chart goes.
 */
export function findTemplateWorkloads(text: string): Array<{ kind: string; line: number }> {
  const found: Array<{ kind: string; line: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const kind = /^kind:\s*(.*)$/.exec(lines[i]);
    const value = kind ? scalar(kind[1]) : null;
    if (value && WORKLOAD_KINDS.has(value)) found.push({ kind: value, line: i });
  }
  return found;
}

/** The chart folder of a template (`<chart>/templates/…`), as a URI; null for any other file. */
export function chartOfTemplate(uri: string): string | null {
  const at = uri.lastIndexOf('/templates/');
  return at > 0 ? uri.slice(0, at) : null;
}
