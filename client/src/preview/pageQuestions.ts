import type { PreviewScope } from '../../../server/src/protocol/preview';
import type { HostToWebview, WebviewToHost } from '../../../server/src/protocol/webviewMessages';
import { requestConnectionExplanation, requestPodDetails, requestRouteQuery, requestWhatIf, type PreviewConnection, type PreviewRequestOptions } from './previewSource';

/** The page's questions about the preview it shows (a pod's filters and scores, a reachability cell, a URL, a what-if). */
export type PageQuestion = Extract<WebviewToHost, { type: 'podDetails' | 'explainConnection' | 'routeQuery' | 'whatIf' }>;

/** Whom a question is asked of, and about what: the server and the previewed document or folder with its scope and variant. */
export interface QuestionTarget {
  connection: PreviewConnection;
  uri: string;
  scope: PreviewScope;
  options: PreviewRequestOptions;
}

/**
 * The answer message to `question`, from the server's dry run for `target`. Its result is null when
 * there is nothing to ask (no previewed document, no server: `target` null) or the request fails, so
 * the page always hears back.
 */
export async function answerPageQuestion(question: PageQuestion, target: QuestionTarget | null): Promise<HostToWebview> {
  try {
    return target ? await ask(question, target) : unanswered(question);
  } catch {
    return unanswered(question);
  }
}

async function ask(question: PageQuestion, { connection, uri, scope, options }: QuestionTarget): Promise<HostToWebview> {
  switch (question.type) {
    case 'podDetails':
      return { type: 'podDetails', pod: question.pod, details: await requestPodDetails(connection, uri, scope, options, question.pod) };
    case 'explainConnection': {
      const explanation = await requestConnectionExplanation(connection, uri, scope, options, question.from, question.to);
      return { type: 'connectionExplanation', from: question.from, to: question.to, explanation };
    }
    case 'routeQuery':
      return { type: 'routeAnswer', url: question.url, result: await requestRouteQuery(connection, uri, scope, options, question.url) };
    case 'whatIf':
      return { type: 'whatIfAnswer', events: question.events, result: await requestWhatIf(connection, uri, scope, options, question.events) };
  }
}

function unanswered(question: PageQuestion): HostToWebview {
  switch (question.type) {
    case 'podDetails':
      return { type: 'podDetails', pod: question.pod, details: null };
    case 'explainConnection':
      return { type: 'connectionExplanation', from: question.from, to: question.to, explanation: null };
    case 'routeQuery':
      return { type: 'routeAnswer', url: question.url, result: null };
    case 'whatIf':
      return { type: 'whatIfAnswer', events: question.events, result: null };
  }
}
