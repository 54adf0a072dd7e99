import { readFileSync, statSync } from 'node:fs';
import { stripBom } from '../../language/parse/stripBom';
import { MAX_FILE_BYTES } from '../workspaceFiles';

/**
 * The texts a render's findings are mapped onto (templates, values, resources, patches), read from
 * disk as the tool read them, once per render. Synchronous and small: only the files the findings
 * point into are read. A file that is missing, unreadable or over the size bound is undefined.
 */
export function diskTextReader(): (path: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (path) => {
    if (!texts.has(path)) texts.set(path, readSmallFile(path));
    return texts.get(path);
  };
}

function readSmallFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return undefined;
    return stripBom(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
