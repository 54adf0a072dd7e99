import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronScheduleProblem } from '../../../../server/src/language/rules/facts/cronSchedule';

/** `@every <duration>`: the duration is Go's time.ParseDuration (both micro signs are units there). */
const cases: Array<[schedule: string, valid: boolean]> = [
  ['@every 1h30m', true],
  ['@every 1.5h', true],
  ['@every 500ms', true],
  ['@every 10us', true],
  ['@every 10\u00b5s', true], // MICRO SIGN
  ['@every 10\u03bcs', true], // GREEK SMALL LETTER MU
  ['@every 10', false],
  ['@every 1d', false],
  ['@every h', false],
];

for (const [schedule, valid] of cases) {
  test(`cron schedule ${JSON.stringify(schedule)} is ${valid ? 'valid' : 'refused'}`, () => {
    assert.equal(cronScheduleProblem(schedule) === undefined, valid);
  });
}
