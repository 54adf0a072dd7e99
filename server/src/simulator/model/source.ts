/**
 * Where a Kubernetes object came from, so that the simulator (which never sees YAML) can point a
 * finding at the exact line of a manifest. The language layer turns `SourceRef` + a field path into
 * a range.
 */

/** A path into a JSON value: object keys and array indices, e.g. ['spec', 'containers', 0, 'image']. */
export type FieldPath = ReadonlyArray<string | number>;

export interface SourceRef {
  /** The file the object was read from (a URI in the editor, a path in the CLI). */
  file: string;
  /** 0-based index of the YAML document in the file. */
  document: number;
  /** Path of the object inside the document: [] for a plain document, ['items', 3] for a List item. */
  path: FieldPath;
}

/** A Kubernetes object as read from a manifest, with nulls removed (as Go's JSON decoding does). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** One object of the user's input, ready for the simulator. */
export interface Manifest {
  source: SourceRef;
  object: KubeObject;
}

/**
 * A simulator finding: like a language Finding, but addressed by object + field path rather than by
 * range. `path` is relative to the object (the language layer prefixes `source.path`); when the field
 * does not exist the finding lands on the nearest existing ancestor.
 */
export interface SimFinding {
  source: SourceRef;
  path: FieldPath;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}
