import { DOCUMENT_RULES } from './documentRules';
import type { RuleMeta } from './ruleTypes';
import { WORKSPACE_RULES } from './workspace/runWorkspaceRules';

/** Every rule's metadata by code: per-document and cross-resource rules. */
export const RULE_CATALOG: ReadonlyMap<string, RuleMeta> = new Map([...DOCUMENT_RULES, ...WORKSPACE_RULES].map((rule) => [rule.meta.code, rule.meta]));
