import type { Finding } from '../language/findings';

/** The code of the note on a file over the language service's input budget (language/parse/limits.ts). */
export const FILE_TOO_LARGE = 'limits/file-too-large';

/**
 * The note the language server publishes on an open file over the input budget (handlers/validation.ts),
 * for the CLI: the same code, severity, place and message (`reason` is `oversizeReason`'s), so a file the
 * editor does not validate reads the same in CI. test/cli/hugeInputs.test.ts holds the two side by side.
 */
export function oversizeNote(reason: string): Finding {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'information', code: FILE_TOO_LARGE, message: reason };
}
