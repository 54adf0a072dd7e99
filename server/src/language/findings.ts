/**
 * Findings are the one currency of every check in Drydock: a problem with a stable code, a severity
 * and a range. They are plain data (never exceptions), LSP-shaped so that the language server can
 * publish them as they are and the CLI can print them in its JSON contract.
 */

/** 0-based line and UTF-16 character offset, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  range: Range;
  severity: Severity;
  /** Stable, namespaced code: `yaml/syntax`, `schema/unknown-field`, `sim/unschedulable`… */
  code: string;
  message: string;
  /** Machine-readable extras for quick fixes (e.g. the suggested key). Never shown to the user. */
  data?: Record<string, unknown>;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
