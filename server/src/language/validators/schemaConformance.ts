import { scalarSourceAt } from '../parse/locate';
import { ajvErrorsToProblems } from './ajvErrorToFinding';
import type { DocumentContext, DocumentValidator } from './types';

/** Validates each object whose kind is known against its generated JSON Schema (strict: unknown fields are errors). */
export const schemaConformance: DocumentValidator = {
  id: 'schema/conformance',
  validate(ctx: DocumentContext): void {
    for (const target of ctx.targets) {
      if (target.resolution?.status !== 'known') continue;
      const errors = ctx.schemas.validate(target.resolution.definition, target.object);
      if (errors.length === 0) continue;
      const problems = ajvErrorsToProblems(errors, target.object, ctx.schemas, target.resolution.definition, (path) => scalarSourceAt(ctx.doc, [...target.path, ...path]));
      for (const problem of problems) ctx.report([...target.path, ...problem.path], problem.finding, problem.target);
    }
  },
};
