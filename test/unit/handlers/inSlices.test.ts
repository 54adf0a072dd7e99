import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inSlices, SLICE_MS } from '../../../server/src/handlers/inSlices';

/** Steps that each take `ms` of busy time, recording which ran. */
function* busySteps(count: number, ms: number, ran: number[]): Generator<undefined, string, undefined> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy: a step of a long job
    }
    ran.push(i);
    yield;
  }
  return `done after ${count}`;
}

test('inSlices: runs every step and resolves with the value, handing the event loop back between slices', async () => {
  const ran: number[] = [];
  let othersRan = 0;
  // Something else waiting on the event loop: it gets its turn between two slices.
  const other = setImmediate(() => othersRan++);
  const value = await inSlices(busySteps(6, SLICE_MS / 2 + 1, ran), () => false);
  clearImmediate(other);
  assert.equal(value, 'done after 6');
  assert.deepEqual(ran, [0, 1, 2, 3, 4, 5]);
  assert.equal(othersRan, 1, 'the other task ran before the steps were done');
});

test('inSlices: a job abandoned between slices resolves with undefined and runs no more steps', async () => {
  const ran: number[] = [];
  let abandoned = false;
  const result = inSlices(busySteps(20, SLICE_MS, ran), () => abandoned);
  abandoned = true; // decided while the first slice's continuation waits
  assert.equal(await result, undefined);
  assert.deepEqual(ran, [0], 'only the first slice ran (one step fills it)');
});

test('inSlices: a step that throws rejects with its error', async () => {
  function* failing(): Generator<undefined, number, undefined> {
    yield;
    throw new Error('broken step');
  }
  await assert.rejects(inSlices(failing(), () => false), /broken step/);
});
