import * as l10n from '@vscode/l10n';
import { isPlainObject } from '../../manifests';
import { cronScheduleProblem } from '../facts/cronSchedule';
import { defineDocumentRule } from '../defineRule';

/** A CronJob's `schedule` must be valid cron syntax. */
export const cronSchedule = defineDocumentRule(
  { code: 'api/cron-schedule', defaultSeverity: 'error', category: 'api-server', summary: "A CronJob's `schedule` must be a valid five-field cron expression or macro." },
  (target, report) => {
    if (target.object.kind !== 'CronJob' || !isPlainObject(target.object.spec)) return;
    const schedule = target.object.spec.schedule;
    if (typeof schedule !== 'string') return;
    const problem = cronScheduleProblem(schedule);
    if (problem) report(['spec', 'schedule'], l10n.t('Invalid schedule `{0}`: {1}.', schedule, problem));
  },
);
