import type { FieldPath, Manifest } from '../../../simulator/model/source';
import type { Severity } from '../../findings';
import type { RuleMeta } from '../ruleTypes';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * What a cross-resource rule reports: the manifest, a path inside its object, and a message. A rule
 * whose findings have codes and severities of their own (an admission policy's `policy/<name>`, at
 * its binding's action) passes them as `as`; the user's `drydock.rules` severity for that code still wins.
 */
export type WorkspaceReport = (manifest: Manifest, path: FieldPath, message: string, as?: { code: string; severity: Severity }) => void;

/** A rule across every manifest of the workspace (open documents and files on disk). */
export interface WorkspaceRule {
  readonly meta: RuleMeta;
  check(index: WorkspaceIndex, report: WorkspaceReport): void;
}
