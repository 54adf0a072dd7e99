import * as commonModule from './common';
import * as scannerModule from './scanner';

// Imports are read once (see scanner.ts).
const { bail, isDocumentMarker } = commonModule;
const { Scanner } = scannerModule;

// Character codes.
const LF = 10; // '\n'
const SPACE = 32; // ' '
const HASH = 35; // '#'
const DOT = 46; // '.'

/**
 * Blank lines and comment lines between block nodes, and where the `yaml` library counts them.
 *
 * Only node ranges depend on this: a block collection's range ends where its last value's *node*
 * ends (`range[2]`), and that may include trivia after the value:
 *  - After a flow leaf (plain, quoted, flow collection), its own line break, and then any comment
 *    lines indented deeper than the innermost collection (with the blank lines before them), belong
 *    to the leaf. A block scalar takes none.
 *  - The remaining trivia up to the next content token (including that line's indentation), if they
 *    hold a comment, stay with the first enclosing collection being closed whose indent is not 0 and
 *    not deeper than every one of those comments: that collection's node ends after them.
 *  - After an empty value (`key:` / `-` with nothing), all trivia up to the next content token
 *    belong to that empty node, but only extend it when they hold a comment.
 */
export class TriviaScanner extends Scanner {
  /** Position of the next content line's first character, or -1 at the end of the text. */
  next = -1;
  /** Indent of the next content line. */
  nextIndent = -1;
  /** Pending trivia after the last leaf: do they hold a comment, the deepest comment's indent, where they end. */
  protected pendingComment = false;
  protected pendingIndent = -1;
  protected pendingEnd = 0;
  /** Where a `...` line ends the document, or -1. */
  documentEnd = -1;
  /** The least indent of the comment lines met by the last `scan` (Infinity if none). */
  protected lowestComment = Infinity;

  /**
   * Called after a flow leaf whose content ends at `q`, in a collection of indent `parent`: checks
   * that the rest of the line is blank or a comment, finds the next content line, and returns where
   * the leaf's node ends.
   */
  afterFlowLeaf(q: number, parent: number): number {
    const text = this.text;
    let i = q;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === HASH) {
      if (i === q) bail(); // a comment needs white space before it
      i = text.indexOf('\n', i);
      if (i === -1) i = this.len;
    } else if (c === c && c !== LF) {
      bail(); // more content on the line
    }
    const end = i < this.len ? i + 1 : this.len;
    return this.scan(end, parent, true, end);
  }

  /**
   * Scans the trivia lines from `start` (a line start) to the next content line, and returns the
   * leaf's node end: `end`, or past the comment lines it takes when `absorb`.
   */
  scan(start: number, parent: number, absorb: boolean, end: number): number {
    const text = this.text;
    const len = this.len;
    this.pendingComment = false;
    this.pendingIndent = -1;
    this.lowestComment = Infinity;
    let p = start;
    while (p < len) {
      let i = p;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === LF) {
        p = i + 1;
        continue;
      }
      if (i >= len) break;
      const indent = i - p;
      if (c === HASH) {
        let e = text.indexOf('\n', i);
        e = e === -1 ? len : e + 1;
        if (indent < this.lowestComment) this.lowestComment = indent;
        if (absorb && indent > parent) {
          end = e;
        } else {
          absorb = false;
          this.pendingComment = true;
          if (indent > this.pendingIndent) this.pendingIndent = indent;
        }
        p = e;
        continue;
      }
      if (indent === 0 && isDocumentMarker(text, i)) {
        if (text.charCodeAt(i) !== DOT) bail(); // `---`: another document
        // `...` ends the document: like the end of the text (what follows is checked by `fastParse`).
        this.documentEnd = i;
        break;
      }
      this.next = i;
      this.nextIndent = indent;
      this.pendingEnd = i;
      return end;
    }
    this.next = -1;
    this.nextIndent = -1;
    this.pendingEnd = this.documentEnd >= 0 ? this.documentEnd : len;
    return end;
  }

  /** Where an empty value's node ends: after the trivia that follow it if they hold a comment. */
  emptyEnd(pos: number, commentOnLine: boolean): number {
    const end = commentOnLine || this.pendingComment ? this.pendingEnd : pos;
    this.pendingComment = false;
    return end;
  }

  /** The node end of a block collection of indent `indent` closing with its last value ending at `end`. */
  closeCollection(indent: number, end: number): number {
    if (this.pendingComment && indent !== 0 && this.pendingIndent >= indent) {
      this.pendingComment = false;
      return this.pendingEnd;
    }
    return end;
  }

  hasPendingComment(): boolean {
    return this.pendingComment;
  }

  /** The pending trivia become the start of the next item of an open collection. */
  nextItem(): void {
    this.pendingComment = false;
  }
}
