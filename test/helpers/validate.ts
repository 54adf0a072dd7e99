import { newLanguageService } from './languageService';
import type { Finding } from '../../server/src/language/findings';
import { parseFile } from '../../server/src/language/parse/parseFile';

/** One language service for a test file: schemas load once per version. */
export const service = newLanguageService();

/** Validates YAML text as the editor and CLI do. */
export function check(text: string, kubernetesVersion = '1.36'): Finding[] {
  return service.validateFile(parseFile(text), { kubernetesVersion });
}

/** `code@line:character` (0-based, as LSP) for compact assertions. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
}

/** Joins lines, so YAML fixtures in tests keep their indentation visible. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
