import type { Lexer } from 'yaml';
import { yamlLibrary } from './yamlLibrary';

/** The `yaml` library's Lexer internals this file relies on (private in its typings; pinned by tests). */
interface LexerInternals {
  indentNext: number;
  flowLevel: number;
  parseFlowCollection?: () => Generator<string, unknown, unknown>;
  parseQuotedScalar?: () => Generator<string, unknown, unknown>;
  parsePlainScalar?: () => Generator<string, unknown, unknown>;
}

type Scanner = 'parseFlowCollection' | 'parseQuotedScalar' | 'parsePlainScalar';

/**
 * A `yaml` Lexer that reads indentation the way go-yaml does (go-yaml is what kubectl and the API
 * server read YAML with; it is a port of libyaml's scanner).
 *
 * The `yaml` library ends a quoted scalar, a flow collection, and a plain scalar inside a flow
 * collection at the first line indented less than the block around it, then reports a missing quote
 * or bracket. go-yaml does not look at indentation there at all: it unrolls indentation only in
 * the block context (`yaml_parser_unroll_indent` returns at once while `flow_level > 0`), and
 * `yaml_parser_scan_flow_scalar` reads up to the closing quote whatever the indentation of the lines
 * between. So
 *
 *     data:
 *       k: 'a
 *       b'
 *
 * is `{data: {k: "a b"}}` for kubectl. The lexer scans those three things with the indentation
 * requirement lifted (a `---` or `...` line still ends them, as it does in go-yaml); the block
 * structure around them is checked as before.
 *
 * The patch is on this one instance (no shared state). If a future version of the library renames
 * the scanners, the lexer is the library's own: stricter, never wrong the other way, and the tests
 * of `slowParse` say so.
 */
export function goYamlLexer(): Lexer {
  const lexer = new (yamlLibrary().Lexer)();
  const internals = lexer as unknown as LexerInternals;
  lift(internals, 'parseFlowCollection', () => true);
  lift(internals, 'parseQuotedScalar', () => true);
  lift(internals, 'parsePlainScalar', (state) => state.flowLevel > 0);
  return lexer;
}

/** Runs one scanner with `indentNext` at 0 (no indentation requirement) when `when` holds. */
function lift(internals: LexerInternals, name: Scanner, when: (state: LexerInternals) => boolean): void {
  const scan = internals[name];
  if (typeof scan !== 'function' || typeof internals.indentNext !== 'number') return;
  internals[name] = function* lifted(this: LexerInternals) {
    if (!when(this)) return yield* scan.call(this);
    const saved = this.indentNext;
    this.indentNext = 0;
    try {
      return yield* scan.call(this);
    } finally {
      // A scanner that moved on to a new block (a document marker) set its own indentation: keep it.
      if (this.indentNext === 0) this.indentNext = saved;
    }
  };
}
