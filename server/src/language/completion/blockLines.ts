/**
 * The structure of one line of block YAML, read without parsing (the document being typed rarely
 * parses): its sequence dashes, its key, and where its value starts.
 *
 * Worked example: `    - - name: web  # c` → dashes at columns 4 and 6, key `name` at column 8,
 * value `web` starting at column 14.
 */
export interface BlockLine {
  indent: number;
  dashes: number[];
  key?: { column: number; name: string; valueStart: number };
  /** Column of the first token after the dashes (where a key or a scalar item starts). */
  contentStart: number;
  blank: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],:][^#]*?|[^\s#'"{}[\],][^#]*?)[ \t]*:(?=[ \t]|$)/;

export function readBlockLine(line: string): BlockLine {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const indent = i;
  const rest = line.slice(i);
  if (rest === '' || rest.startsWith('#') || rest === '---' || rest.startsWith('--- ') || rest.startsWith('...') || rest.startsWith('%')) {
    return { indent, dashes: [], contentStart: i, blank: true };
  }
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const contentStart = i;
  const match = KEY.exec(line.slice(i));
  if (!match) return { indent, dashes, contentStart, blank: false };
  let name = match[1].trim();
  if ((name.startsWith('"') && name.endsWith('"')) || (name.startsWith("'") && name.endsWith("'"))) name = name.slice(1, -1);
  let valueStart = i + match[0].length;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart++;
  return { indent, dashes, key: { column: i, name, valueStart }, contentStart, blank: false };
}

/** True when the value part of a line opens a block scalar (`|`, `>-`, `|2+`…). */
export function opensBlockScalar(line: string, valueStart: number): boolean {
  return /^[|>][-+0-9]*[ \t]*(#.*)?$/.test(line.slice(valueStart));
}
