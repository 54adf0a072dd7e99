import { isMarkerLine } from './splitDocuments';

/**
 * The text of the YAML document around an offset, read around it only: from the nearest marker line
 * at or above the offset's line to the next one below (the same cut `splitDocuments` makes over the
 * whole file). Completion uses it so that it never waits for a whole file to be split and parsed.
 *
 * Worked example: in "a: 1\n---\nb: 2\n", offset 9 ("b") gives `{ text: "---\nb: 2\n", offset: 5 }`,
 * exactly the second chunk `splitDocuments` gives.
 */
export function chunkAround(text: string, offset: number): { text: string; offset: number } {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0 && !isMarkerLine(text, start)) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = text.indexOf('\n', offset);
  while (end !== -1 && !isMarkerLine(text, end + 1)) end = text.indexOf('\n', end + 1);
  const stop = end === -1 ? text.length : end + 1;
  return { text: text.slice(start, stop), offset: start };
}
