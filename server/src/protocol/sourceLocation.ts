/** Where the preview's objects were written (types only, plain JSON; see preview.ts). */

/** Where an object was written, so that a click can reveal it. `line` is 0-based. */
export interface SourceLocation {
  uri: string;
  line: number;
  /** The 0-based document of the file (set where the preview matches an object by document: rollouts). */
  document?: number;
}
