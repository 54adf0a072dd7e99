/** The types of schemaDescriptions.mjs, for the tests that import it. */
export function splitDescriptions(value: unknown): { value: unknown; descriptions: unknown };
