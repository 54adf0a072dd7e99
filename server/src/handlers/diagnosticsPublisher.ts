import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { isDryRunPattern } from '../language/config/applySuppressions';
import { compareFindings, type Finding } from '../language/findings';

/** Who produced a set of findings for a document; each source replaces only its own set. */
export type FindingSource = 'validation' | 'simulation' | 'rules' | 'render';

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
 * Whether a suppression pattern can be judged unused from the sources that have reported for a
 * document: the dry run's codes once the dry run has, the cross-resource rules' once they have,
 * the render's once it has; the others (validation's) at once.
 */
export function judgedBy(reported: ReadonlySet<FindingSource>): (pattern: string) => boolean {
  return (pattern) => {
    if (isDryRunPattern(pattern)) return reported.has('simulation');
    if (pattern.startsWith('ref/') || pattern.startsWith('ingress/')) return reported.has('rules');
    if (pattern.startsWith('render/')) return reported.has('render');
    return true;
  };
}

/**
 * Publishes one diagnostics list per document, merged from every source (schema validation runs on
 * each keystroke; the simulation runs after a pause). Owned by the server; entries go on close.
 *
 * The rule (ARCHITECTURE.md, "Publishing diagnostics"): the first publish of a document version holds
 * its validation findings. While a version's validation is still running, what the slower sources
 * report is kept and goes out with it; each source replaces only its own set, so no publish drops the
 * findings of a source that has already reported.
 */
export class DiagnosticsPublisher {
  private readonly sets = new Map<string, Map<FindingSource, Finding[]>>();
  /** Per document, the version whose validation is running; publishes of that document wait for it. */
  private readonly awaitingValidation = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    /** The last step before a document's merged findings go out: `.drydock.yaml` and suppressions (language/config/fileFindings.ts). */
    private readonly finalize: (uri: string, findings: Finding[], reported: ReadonlySet<FindingSource>) => Finding[] = (_uri, findings) => findings,
  ) {}

  /** A version of `uri` is being validated: hold the document's publishes until its validation reports. */
  validationStarted(uri: string, version: number): void {
    this.awaitingValidation.set(uri, version);
  }

  set(uri: string, source: FindingSource, findings: Finding[], version?: number): void {
    if (this.apply(uri, source, findings, version)) this.send(uri, version);
  }

  /** Several sources' findings at once (a dry run's and the cross-resource rules'): one publish per document, not one per source. */
  setAll(updates: ReadonlyArray<{ uri: string; source: Exclude<FindingSource, 'validation'>; findings: Finding[] }>): void {
    const due = new Set<string>();
    for (const { uri, source, findings } of updates) if (this.apply(uri, source, findings)) due.add(uri);
    for (const uri of due) this.send(uri);
  }

  /** Records a source's findings; whether the document is to be published now. */
  private apply(uri: string, source: FindingSource, findings: Finding[], version?: number): boolean {
    let sources = this.sets.get(uri);
    if (!sources) {
      sources = new Map();
      this.sets.set(uri, sources);
    }
    // A slower source's first report counts as a change from "nothing found".
    const previous = sources.get(source) ?? (source === 'validation' ? undefined : []);
    // Kept in publishing order: a publish merges the sources' lists instead of sorting them all again.
    const sorted = [...findings].sort(compareFindings);
    sources.set(source, sorted);
    // The slower sources re-report unchanged findings after every run: nothing new to show.
    if (source !== 'validation' && previous !== undefined && sameFindings(previous, sorted)) return false;
    if (source === 'validation') {
      if (version === undefined || this.awaitingValidation.get(uri) === version) this.awaitingValidation.delete(uri);
      else if (this.awaitingValidation.has(uri)) return false; // an older version's result: the newer one is coming
      return true;
    }
    return !this.awaitingValidation.has(uri); // else it goes out with the validation of the running version
  }

  /** The merged findings of a document, as last published. */
  get(uri: string): Finding[] {
    return mergeSorted([...(this.sets.get(uri)?.values() ?? [])]);
  }

  clear(uri: string): void {
    this.sets.delete(uri);
    this.awaitingValidation.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** What decides the final findings changed (`.drydock.yaml`): publish every document again. */
  republishAll(): void {
    for (const uri of this.sets.keys()) if (!this.awaitingValidation.has(uri)) this.send(uri);
  }

  private send(uri: string, version?: number): void {
    const diagnostics = this.finalize(uri, this.get(uri), new Set(this.sets.get(uri)?.keys())).map(toDiagnostic);
    this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics }).catch(() => undefined);
  }
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((finding, i) => sameFinding(finding, b[i]));
}

function sameFinding(a: Finding, b: Finding): boolean {
  if (a === b) return true;
  const [ra, rb] = [a.range, b.range];
  return (
    ra.start.line === rb.start.line &&
    ra.start.character === rb.start.character &&
    ra.end.line === rb.end.line &&
    ra.end.character === rb.end.character &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.message === b.message &&
    (a.data === b.data || JSON.stringify(a.data) === JSON.stringify(b.data))
  );
}

/** One list in `compareFindings` order from lists each already in it (a few sources: pick the least head each time). */
function mergeSorted(lists: ReadonlyArray<readonly Finding[]>): Finding[] {
  const filled = lists.filter((list) => list.length > 0);
  if (filled.length <= 1) return [...(filled[0] ?? [])];
  const merged: Finding[] = [];
  const at = filled.map(() => 0);
  for (;;) {
    let least = -1;
    for (let i = 0; i < filled.length; i++) {
      if (at[i] < filled[i].length && (least < 0 || compareFindings(filled[i][at[i]], filled[least][at[least]]) < 0)) least = i;
    }
    if (least < 0) return merged;
    merged.push(filled[least][at[least]++]);
  }
}
