import type { Finding } from '../findings';

/**
 * A strategic-merge patch is a partial object: its kind's schema still says which fields exist and
 * what type they take, but no field is required, and the patch directives are accepted. Keeps the
 * YAML and schema findings of a patch but those; the rules about complete objects do not apply.
 *
 * Directives: `$patch: delete|replace|merge`, `$retainKeys`, `$setElementOrder/<field>`,
 * `$deleteFromPrimitiveList/<field>`.
 */
export function patchFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => {
    if (!finding.code.startsWith('yaml/') && !finding.code.startsWith('schema/')) return false;
    if (finding.code === 'schema/required') return false;
    if (finding.code === 'schema/unknown-field' && isDirective(finding.data?.field)) return false;
    return true;
  });
}

const DIRECTIVE = /^\$(patch|retainKeys|setElementOrder\/.+|deleteFromPrimitiveList\/.+)$/;

export function isDirective(field: unknown): boolean {
  return typeof field === 'string' && DIRECTIVE.test(field);
}
