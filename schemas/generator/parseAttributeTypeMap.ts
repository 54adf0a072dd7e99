// Reads the static `attributeTypeMap` out of a generated model's `.js` file. The generator writes
// it as a JSON array literal (`Foo.attributeTypeMap = [ { "name": …, … } ];`), so it is parsed as
// JSON instead of executing the package's code.
import type { ModelAttribute } from './types';

export function parseAttributeTypeMap(js: string, className: string): ModelAttribute[] {
  const marker = `${className}.attributeTypeMap = `;
  const start = js.indexOf(marker);
  if (start < 0) throw new Error(`${className}: no attributeTypeMap assignment`);
  const from = start + marker.length;
  const end = js.indexOf('];', from);
  if (end < 0) throw new Error(`${className}: unterminated attributeTypeMap`);
  const parsed: unknown = JSON.parse(js.slice(from, end + 1));
  if (!Array.isArray(parsed)) throw new Error(`${className}: attributeTypeMap is not an array`);
  return parsed.map((entry, index) => toAttribute(entry, `${className}.attributeTypeMap[${index}]`));
}

function toAttribute(entry: unknown, where: string): ModelAttribute {
  if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: not an object`);
  const record = entry as Record<string, unknown>;
  const field = (key: string): string => {
    const value = record[key];
    if (typeof value !== 'string') throw new Error(`${where}.${key}: expected a string`);
    return value;
  };
  return { name: field('name'), baseName: field('baseName'), type: field('type'), format: field('format') };
}
