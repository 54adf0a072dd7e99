import type { FieldPath } from '../../../simulator/model/source';

/**
 * A field path as the API server prints it in its errors and warnings: `spec.containers[0].ports[1]`.
 */
export function goFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text;
}
