import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerPageQuestion, type PageQuestion, type QuestionTarget } from '../../../client/src/preview/pageQuestions';
import type { PreviewConnection } from '../../../client/src/preview/previewSource';
import { ExplainConnectionRequest, PodDetailsRequest, RouteQueryRequest, WhatIfRequest } from '../../../server/src/protocol/requests';

// The page's questions (split out of panel.ts): each is asked of the server about the current target,
// and always answered, with null when there is no target or the request fails.

const EVENTS = [{ kind: 'drain' as const, node: 'node-a', at: 0 }];
const questions: Array<{ question: PageQuestion; method: string; params: Record<string, unknown>; answer: (result: unknown) => unknown }> = [
  { question: { type: 'podDetails', pod: 'ns/web-1' }, method: PodDetailsRequest.method, params: { pod: 'ns/web-1' }, answer: (details) => ({ type: 'podDetails', pod: 'ns/web-1', details }) },
  { question: { type: 'explainConnection', from: 'a', to: 'b' }, method: ExplainConnectionRequest.method, params: { from: 'a', to: 'b' }, answer: (explanation) => ({ type: 'connectionExplanation', from: 'a', to: 'b', explanation }) },
  { question: { type: 'routeQuery', url: 'http://x/y' }, method: RouteQueryRequest.method, params: { url: 'http://x/y' }, answer: (result) => ({ type: 'routeAnswer', url: 'http://x/y', result }) },
  { question: { type: 'whatIf', events: EVENTS }, method: WhatIfRequest.method, params: { events: EVENTS }, answer: (result) => ({ type: 'whatIfAnswer', events: EVENTS, result }) },
];

function target(reply: (method: string) => Promise<unknown>, sent: Array<[string, unknown]>): QuestionTarget {
  const connection: PreviewConnection = {
    sendRequest: async <R>(method: string, params: unknown) => {
      sent.push([method, params]);
      return (await reply(method)) as R;
    },
    onNotification: () => ({ dispose: () => undefined }),
  };
  return { connection, uri: 'file:///w/a.yaml', scope: 'folder', options: { neverReady: true } };
}

for (const { question, method, params, answer } of questions) {
  test(`page questions: ${question.type} is asked about the target and answered with the server's result`, async () => {
    const sent: Array<[string, unknown]> = [];
    const result = { answered: question.type };
    assert.deepEqual(await answerPageQuestion(question, target(async () => result, sent)), answer(result));
    assert.deepEqual(sent, [[method, { uri: 'file:///w/a.yaml', scope: 'folder', neverReady: true, ...params }]]);
  });

  test(`page questions: ${question.type} is answered with null when the request fails or there is no target`, async () => {
    const sent: Array<[string, unknown]> = [];
    assert.deepEqual(await answerPageQuestion(question, target(() => Promise.reject(new Error('server gone')), sent)), answer(null));
    assert.equal(sent.length, 1);
    assert.deepEqual(await answerPageQuestion(question, null), answer(null));
  });
}
