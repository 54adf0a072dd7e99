// Reads a generated model's `.d.ts`: the class doc comment, and for each property whether it is
// optional (`'name'?: T`) and its doc comment. Pure text processing, no TypeScript compiler needed:
// the generator's output is regular (one property per line, quoted names, `/** … */` blocks).
import type { DeclaredProperty, ModelDeclaration } from './types';

const CLASS_LINE = /^export declare class (\w+)\b/;
const PROPERTY_LINE = /^ {4}'([^']+)'(\?)?:/;

/**
 * Turns the body of a `/** … *\/` block (lines already collected) into plain text: the leading
 * `*` of each line goes, and the escapes the OpenAPI generator applied to descriptions are undone
 * (`\"`, `\'`, `\\`, and `*_/` / `/_*` which it uses so that a description cannot close the comment).
 */
export function commentText(lines: string[]): string | undefined {
  const text = lines
    .map((line) => line.replace(/^\s*\*(?!\/) ?/, '').trimEnd())
    .join('\n')
    .trim();
  if (text === '') return undefined;
  return text
    .replace(/\\(["'\\])/g, '$1')
    .replace(/\*_\//g, '*/')
    .replace(/\/_\*/g, '/*');
}

/** Parses the declaration file of one model class. Throws when no class is declared. */
export function parseModelDeclaration(dts: string): ModelDeclaration {
  const lines = dts.split(/\r?\n/);
  let pending: string[] | undefined; // doc comment lines waiting for the declaration they document
  let collecting: string[] | undefined; // inside a /** … */ block
  let inFileHeader = false; // the generator's file header (first block of the file) documents nothing
  let declaration: ModelDeclaration | undefined;

  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (collecting) {
      if (trimmed.endsWith('*/')) {
        const last = trimmed.slice(0, -2);
        if (last.trim() !== '' && last.trim() !== '*') collecting.push(last);
        pending = inFileHeader ? undefined : collecting;
        collecting = undefined;
        inFileHeader = false;
      } else {
        collecting.push(line);
      }
      return;
    }
    if (trimmed.startsWith('/**')) {
      const rest = trimmed.slice(3);
      if (rest.endsWith('*/')) {
        pending = index === 0 ? undefined : [rest.slice(0, -2)];
      } else {
        collecting = rest.trim() === '' ? [] : [rest];
        inFileHeader = index === 0;
      }
      return;
    }
    const classMatch = CLASS_LINE.exec(line);
    if (classMatch) {
      declaration = {
        className: classMatch[1],
        description: pending ? commentText(pending) : undefined,
        properties: new Map(),
      };
      pending = undefined;
      return;
    }
    const propertyMatch = declaration ? PROPERTY_LINE.exec(line) : null;
    if (declaration && propertyMatch) {
      const property: DeclaredProperty = { optional: propertyMatch[2] === '?' };
      const description = pending ? commentText(pending) : undefined;
      if (description !== undefined) property.description = description;
      declaration.properties.set(propertyMatch[1], property);
    }
    // Any other line (imports, nested type text, statics) ends the reach of a pending comment.
    if (trimmed !== '') pending = undefined;
  });
  if (!declaration) throw new Error('no `export declare class` found in declaration text');
  return declaration;
}

/** The `OpenAPI spec version: …` line of the generator's file header (e.g. `v1.32.0`, `release-1.36`). */
export function readSpecVersion(fileText: string): string | undefined {
  return /OpenAPI spec version: (\S+)/.exec(fileText)?.[1];
}
