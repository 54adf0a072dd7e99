import type { FieldPath, Manifest } from '../../../simulator/model/source';
import type { RuleMeta } from '../ruleTypes';
import type { WorkspaceIndex } from './workspaceIndex';

/** What a cross-resource rule reports: the manifest, a path inside its object, and a message. */
export type WorkspaceReport = (manifest: Manifest, path: FieldPath, message: string) => void;

/** A rule across every manifest of the workspace (open documents and files on disk). */
export interface WorkspaceRule {
  readonly meta: RuleMeta;
  check(index: WorkspaceIndex, report: WorkspaceReport): void;
}
