import type { Finding } from '../findings';
import type { LineIndex } from './lineIndex';
import type { DocumentChunk } from './splitDocuments';
import type { YNode } from './yamlNode';

/** One YAML document, parsed the way Kubernetes reads it (YAML 1.1, unique keys, merge keys). */
export interface ParsedDocument {
  chunk: DocumentChunk;
  /** The document's tree, for locating fields; null for an empty document. */
  root: YNode | null;
  /** Identity of this parse result (stable while the chunk text is unchanged): a cache key. */
  id: object;
  /** Line index over `chunk.text`: every range derived from it is relative to `chunk.line`. */
  lines: LineIndex;
  /** The document as plain JSON data with null-valued keys dropped; `undefined` when it could not be built. */
  value: unknown;
  /** YAML problems, with ranges relative to the chunk. */
  findings: Finding[];
}
