import type { DocumentContext, ObjectTarget } from '../validators/types';
import type { FieldPath } from '../../simulator/model/source';
import type { DocumentRule, RuleMeta } from './ruleTypes';

/** What a rule's check reports: a path inside the object, a message and optional quick-fix data. */
export type RuleReport = (path: FieldPath, message: string, options?: { data?: Record<string, unknown>; target?: 'key' | 'value' }) => void;

/**
 * Builds a DocumentRule from its metadata and a check of one object (a document, or one item of a
 * List). The check sees the object and reports paths relative to it; the rule adds the code and the
 * default severity.
 */
export function defineDocumentRule(meta: RuleMeta, check: (target: ObjectTarget, report: RuleReport, ctx: DocumentContext) => void): DocumentRule {
  return {
    id: meta.code,
    meta,
    validate(ctx: DocumentContext): void {
      for (const target of ctx.targets) {
        check(
          target,
          (path, message, options) =>
            ctx.report([...target.path, ...path], { severity: meta.defaultSeverity, code: meta.code, message, ...(options?.data ? { data: options.data } : {}) }, options?.target ?? 'value'),
          ctx,
        );
      }
    },
  };
}
