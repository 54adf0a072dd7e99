import { isRecord } from '../model/labelSelector';

/** A label selector as kubectl prints it (`app=web,tier in (a,b),!legacy`), for messages. */
export function describeLabelSelector(selector: unknown): string {
  if (!isRecord(selector)) return '<none>';
  const { matchLabels, matchExpressions } = selector;
  const parts: string[] = [];
  if (isRecord(matchLabels)) for (const [k, v] of Object.entries(matchLabels)) parts.push(`${k}=${String(v)}`);
  if (Array.isArray(matchExpressions)) {
    for (const req of matchExpressions) {
      if (!isRecord(req)) continue;
      const values = Array.isArray(req.values) ? req.values.map(String).join(',') : '';
      const key = String(req.key);
      switch (req.operator) {
        case 'In': parts.push(`${key} in (${values})`); break;
        case 'NotIn': parts.push(`${key} notin (${values})`); break;
        case 'Exists': parts.push(key); break;
        case 'DoesNotExist': parts.push(`!${key}`); break;
        default: parts.push(`${key} ${String(req.operator)} (${values})`);
      }
    }
  }
  return parts.length === 0 ? '<everything>' : parts.join(',');
}
