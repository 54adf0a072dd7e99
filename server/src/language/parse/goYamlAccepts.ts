import type { YAMLError } from 'yaml';

/**
 * Problems the `yaml` library reports (in strict mode) that go-yaml, and so kubectl, does not have:
 *
 * - `"a"#c`, `[a]#c`, `|#c`: a comment right after a token. go-yaml's scanner skips a `#` comment
 *   wherever it looks for the next token (`yaml_parser_scan_to_next_token`), blank before it or not.
 *   (A `#` inside a plain scalar, `a#b`, is part of the scalar for both.)
 * - A flow collection closed at its parent's indentation (`key: [` … `]` in the key's column): a
 *   warning of the library's; go-yaml does not look at indentation inside flow collections.
 */
export function goYamlAccepts(problem: YAMLError): boolean {
  if (problem.code === 'MISSING_CHAR') return problem.message.startsWith('Comments must be separated from other tokens by white space characters');
  if (problem.code === 'BAD_INDENT') return problem.message.startsWith('Flow end indicator should be more indented than parent');
  return false;
}
