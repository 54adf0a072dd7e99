import type { Finding } from '../findings';
import { fastParse } from './fastParse';
import type { LineIndex } from './lineIndex';
import type { ParsedDocument } from './parsedDocument';
import { parseChunkSlow } from './slowParse';
import type { DocumentChunk } from './splitDocuments';
import type { YNode } from './yamlNode';

/** The tree of a chunk, built on first use and shared by every placement of the chunk in a file. */
interface TreeSlot {
  root: YNode | null | undefined;
}

/**
 * A document the fast path read without findings. Validation needs only its plain value; its tree
 * (for locating a finding, hover, completion, quick fixes…) is built when first asked for, by
 * parsing the chunk again with the tree. Most documents of a big file are valid and never need it.
 * A document whose value was handed from another thread (handedParse.ts) is one too, whichever
 * parser read it there: its tree comes from the full parser when the fast path declines the chunk.
 */
export class FastDocument implements ParsedDocument {
  readonly findings: Finding[] = [];

  constructor(
    readonly chunk: DocumentChunk,
    readonly id: object,
    readonly lines: LineIndex,
    readonly value: unknown,
    private readonly tree: TreeSlot = { root: undefined },
  ) {}

  get root(): YNode | null {
    const slot = this.tree;
    if (slot.root === undefined) {
      // Both fast-path modes take the same decisions, so this parse succeeds; the full parser is a safety net.
      slot.root = fastParse(this.chunk.text)?.root ?? parseChunkSlow(this.chunk, this.lines)[0]?.root ?? null;
    }
    return slot.root;
  }

  /** The same document at another place in the file (same id, same tree). */
  at(chunk: DocumentChunk): FastDocument {
    return new FastDocument(chunk, this.id, this.lines, this.value, this.tree);
  }
}
