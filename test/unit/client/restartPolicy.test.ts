import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decideOnCrash,
  DEFAULT_RESTART_POLICY,
  gaveUpMessage,
  NEW_SESSION,
  restartedMessage,
  type CrashHistory,
  type RestartPolicyOptions,
} from '../../../client/src/restartPolicy';

// The policy is pure (no vscode, no clock): each case feeds crash times in order and reads the decisions.
// 'tell' = restart and show restartedMessage(); 'quiet' = restart, show nothing; 'give up' = no restart,
// show the final message.

const S = 1000;
const MIN = 60 * S;
type Expected = 'tell' | 'quiet' | 'give up';

const cases: Array<{ name: string; crashes: number[]; expected: Expected[]; options?: Partial<RestartPolicyOptions> }> = [
  { name: 'one crash restarts and tells the user', crashes: [0], expected: ['tell'] },
  { name: 'a burst within the window: told once, the rest quiet', crashes: [0, 1 * S, 2 * S, 3 * S], expected: ['tell', 'quiet', 'quiet', 'quiet'] },
  { name: 'the crash after maxRestarts in the window gives up', crashes: [0, 1 * S, 2 * S, 3 * S, 4 * S], expected: ['tell', 'quiet', 'quiet', 'quiet', 'give up'] },
  { name: 'crashes spread over more than the window keep restarting', crashes: [0, 1 * MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN, 6 * MIN], expected: ['tell', 'quiet', 'quiet', 'quiet', 'quiet', 'quiet', 'quiet'] },
  { name: 'the window slides: old crashes stop counting', crashes: [0, 10 * S, 20 * S, 30 * S, 3 * MIN + 15 * S], expected: ['tell', 'quiet', 'quiet', 'quiet', 'quiet'] },
  { name: 'a crash exactly one window after the previous starts a new burst', crashes: [0, 3 * MIN], expected: ['tell', 'tell'] },
  { name: 'once per burst: a later burst is told again', crashes: [0, 1 * S, 60 * MIN, 60 * MIN + 1 * S], expected: ['tell', 'quiet', 'tell', 'quiet'] },
  { name: 'once per session: a later burst is quiet', crashes: [0, 1 * S, 60 * MIN, 60 * MIN + 1 * S], expected: ['tell', 'quiet', 'quiet', 'quiet'], options: { notify: 'once-per-session' } },
  { name: 'maxRestarts 0 gives up on the first crash', crashes: [0], expected: ['give up'], options: { maxRestarts: 0 } },
  { name: 'maxRestarts 1 restarts once, then gives up within the window', crashes: [0, 5 * S], expected: ['tell', 'give up'], options: { maxRestarts: 1 } },
];

function run(crashes: number[], options: RestartPolicyOptions, start: CrashHistory = NEW_SESSION): { outcomes: Expected[]; history: CrashHistory } {
  let history = start;
  const outcomes: Expected[] = [];
  for (const at of crashes) {
    const next = decideOnCrash(history, at, options);
    history = next.history;
    const { decision } = next;
    if (decision.action === 'give-up') outcomes.push('give up');
    else outcomes.push(decision.notify === undefined ? 'quiet' : 'tell');
  }
  return { outcomes, history };
}

for (const c of cases) {
  test(`restart policy: ${c.name}`, () => {
    assert.deepEqual(run(c.crashes, { ...DEFAULT_RESTART_POLICY, ...c.options }).outcomes, c.expected);
  });
}

test('restart policy: the defaults are 4 restarts in 3 minutes, told once per burst', () => {
  assert.deepEqual(DEFAULT_RESTART_POLICY, { maxRestarts: 4, windowMs: 3 * MIN, notify: 'once-per-burst' });
  assert.deepEqual(run([0, 1, 2, 3, 4], DEFAULT_RESTART_POLICY).outcomes, ['tell', 'quiet', 'quiet', 'quiet', 'give up']);
});

test('restart policy: a crash storm is at most one "restarted" message and one final message', () => {
  const storm = Array.from({ length: 50 }, (_, i) => i * 100);
  let history = NEW_SESSION;
  const shown: string[] = [];
  for (const at of storm) {
    const { decision, history: next } = decideOnCrash(history, at);
    history = next;
    if (decision.action === 'restart' && decision.notify) shown.push(decision.notify);
    if (decision.action === 'give-up') {
      shown.push(decision.message);
      break; // the server is not restarted: no more crashes until the user restarts it
    }
  }
  assert.deepEqual(shown, [restartedMessage(), gaveUpMessage(5, 3 * MIN)]);
});

test('restart policy: the messages say what happened and what to do', () => {
  assert.equal(restartedMessage(), 'The Drydock language server stopped unexpectedly and was restarted.');
  assert.equal(gaveUpMessage(5, 3 * MIN), 'The Drydock language server stopped 5 times in 3 minutes and was not restarted. Run "Drydock: Restart Language Server" to try again.');
  assert.match(gaveUpMessage(2, 1 * MIN), /2 times in 1 minute and/);
  assert.match(gaveUpMessage(2, 30 * S), /2 times in 30 seconds and/);
});

test('restart policy: a new session (the user restarted the server) forgets the crash loop', () => {
  const { outcomes, history } = run([0, 1, 2, 3, 4], DEFAULT_RESTART_POLICY);
  assert.equal(outcomes.at(-1), 'give up');
  // Continuing the same session gives up again at once; a new session restarts and tells again.
  assert.deepEqual(run([5], DEFAULT_RESTART_POLICY, history).outcomes, ['give up']);
  assert.deepEqual(run([5], DEFAULT_RESTART_POLICY, NEW_SESSION).outcomes, ['tell']);
});

test('restart policy: decisions do not mutate the history they are given', () => {
  const history: CrashHistory = Object.freeze({ crashes: Object.freeze([0, 1]), told: true });
  const next = decideOnCrash(history, 2);
  assert.deepEqual(history, { crashes: [0, 1], told: true });
  assert.deepEqual(next.history, { crashes: [0, 1, 2], told: true });
});

test('restart policy: the history keeps only the crashes inside the window', () => {
  const { history } = run([0, 1 * MIN, 2 * MIN, 10 * MIN], DEFAULT_RESTART_POLICY);
  assert.deepEqual(history.crashes, [10 * MIN]);
});
