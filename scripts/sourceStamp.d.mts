/** The types of sourceStamp.mjs, for the tests that import it. */
export const SOURCE_STAMP: string;
export function stampSource(path: string): void;
