import * as l10n from '@vscode/l10n';
import type { Finding } from '../language/findings';

export interface FileFindings {
  path: string;
  diagnostics: Finding[];
}

/** `path:line:col: severity code message`, 1-based, one line per finding, then a summary line. */
export function formatFindingsText(files: FileFindings[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      counts[d.severity]++;
      lines.push(`${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
    }
  }
  lines.push(l10n.t('{0} file(s) checked: {1} error(s), {2} warning(s), {3} note(s)', files.length, counts.error, counts.warning, counts.information));
  return lines.join('\n') + '\n';
}
