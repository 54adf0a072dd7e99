import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { compareFindings, type Finding } from '../language/findings';

/** Who produced a set of findings for a document; each source replaces only its own set. */
export type FindingSource = 'validation' | 'simulation' | 'rules';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'drydock',
    message: finding.message,
    ...(finding.data ? { data: finding.data } : {}),
  };
}

/**
 * Publishes one diagnostics list per document, merged from every source (schema validation runs on
 * each keystroke; the simulation runs after a pause). Owned by the server; entries go on close.
 */
export class DiagnosticsPublisher {
  private readonly sets = new Map<string, Map<FindingSource, Finding[]>>();

  constructor(private readonly connection: Connection) {}

  set(uri: string, source: FindingSource, findings: Finding[], version?: number): void {
    let sources = this.sets.get(uri);
    if (!sources) {
      sources = new Map();
      this.sets.set(uri, sources);
    }
    sources.set(source, findings);
    this.send(uri, version);
  }

  /** The merged findings of a document, as last published. */
  get(uri: string): Finding[] {
    return [...(this.sets.get(uri)?.values() ?? [])].flat().sort(compareFindings);
  }

  clear(uri: string): void {
    this.sets.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  private send(uri: string, version?: number): void {
    const diagnostics = this.get(uri).map(toDiagnostic);
    this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics }).catch(() => undefined);
  }
}
