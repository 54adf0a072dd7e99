import type { Range } from '../findings';

/** A diagnostic as the client sends it back in a code-action request. */
export interface DiagnosticRef {
  range: Range;
  code?: string | number;
  /** LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint. */
  severity?: number;
  message: string;
  data?: unknown;
}

export interface TextEditRef {
  range: Range;
  newText: string;
}

/** A quick fix: a title and the edits (file coordinates) that apply it, and the diagnostic it fixes. */
export interface QuickFix {
  title: string;
  edits: TextEditRef[];
  diagnostic?: DiagnosticRef;
  preferred?: boolean;
}
