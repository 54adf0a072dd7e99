import * as l10n from '@vscode/l10n';
/**
 * The cron syntax a CronJob's `schedule` accepts (the standard five fields of robfig/cron, which the
 * CronJob controller uses): minute hour day-of-month month day-of-week, each a list of `*`, `?`,
 * values, ranges `a-b` and steps `/n`; month and weekday names; and the `@hourly`-style macros.
 * Returns the problem, or undefined when the schedule is valid.
 *
 * Worked example: `*\/15 9-17 * * MON-FRI` is valid; `0 24 * * *` is not (hour 24 is beyond 0-23).
 */
const FIELDS: ReadonlyArray<{ name: () => string; min: number; max: number; names?: readonly string[] }> = [
  { name: () => l10n.t('minute'), min: 0, max: 59 },
  { name: () => l10n.t('hour'), min: 0, max: 23 },
  { name: () => l10n.t('day of month'), min: 1, max: 31 },
  { name: () => l10n.t('month'), min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: () => l10n.t('day of week'), min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const MACROS: ReadonlySet<string> = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

export function cronScheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (/^(CRON_)?TZ=/.test(text)) return l10n.t('TZ and CRON_TZ are not allowed in the schedule: use the `timeZone` field');
  if (text.startsWith('@')) {
    if (MACROS.has(text)) return undefined;
    if (/^@every\s+\S+$/.test(text)) return /^@every\s+(\d+(\.\d+)?(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/.test(text) ? undefined : l10n.t('the duration of @every is not valid (e.g. `@every 1h30m`)');
    return l10n.t('unknown macro `{0}` (use @yearly, @monthly, @weekly, @daily or @hourly)', text);
  }
  const parts = text.split(/\s+/);
  if (parts.length !== FIELDS.length) return l10n.t('expected 5 fields (minute hour day-of-month month day-of-week), found {0}', parts.length);
  for (let i = 0; i < parts.length; i++) {
    const problem = fieldProblem(parts[i], FIELDS[i]);
    if (problem) return `${FIELDS[i].name()}: ${problem}`;
  }
  return undefined;
}

function fieldProblem(field: string, spec: (typeof FIELDS)[number]): string | undefined {
  for (const part of field.split(',')) {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined) return l10n.t("`{0}` has more than one '/'", part);
    if (step !== undefined && !/^\d+$/.test(step)) return l10n.t('step `{0}` is not a number', step);
    if (step !== undefined && Number(step) === 0) return l10n.t('a step must be at least 1');
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return l10n.t('`{0}` is not a value or range', range);
    const values: number[] = [];
    for (const bound of bounds) {
      const value = valueOf(bound, spec);
      if (value === undefined) return l10n.t('`{0}` is not a valid value', bound);
      if (value < spec.min || value > spec.max) return l10n.t('{0} is beyond {1}-{2}', value, spec.min, spec.max);
      values.push(value);
    }
    if (values.length === 2 && values[0] > values[1]) return l10n.t('range `{0}` ends before it starts', range);
  }
  return undefined;
}

function valueOf(text: string, spec: (typeof FIELDS)[number]): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index === -1) return undefined;
  return spec.min === 1 ? index + 1 : index;
}
