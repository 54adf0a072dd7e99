import type { PreviewIngress, PreviewRoute, PreviewRouteAnswer, PreviewRouteQueryResult, PreviewRouteTarget, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, replaceChildren } from './dom';
import { plural } from './format';
import type { ModelIndex } from './modelIndex';

export interface RoutesViewActions {
  selectPod(podKey: string): void;
  reveal(location: SourceLocation): void;
  /** Ask the host which route answers `url` (the answer comes back through `showAnswer`). */
  query(url: string): void;
}

/** The longest URL the box sends (the host refuses longer ones). */
const MAX_URL = 2048;

const ISSUE_TEXT: Record<NonNullable<PreviewRoute['issue']>, string> = {
  conflict: 'Never used: an older Ingress of the class claims the same host and path.',
  shadowed: 'Never used: an earlier path of this Ingress is the same.',
  'invalid-path': 'Rejected by the API server: the path is invalid.',
};

/**
 * The routes tab: each Ingress (routing order: oldest first) with its class, its paths host → path →
 * Service:port → endpoints (pods open their details), its default backend; and a URL box whose answer
 * the host asks the language server for (`drydock/routeQuery`: the engine matches, the page only shows).
 */
export class RoutesView {
  readonly element = el('section', { class: 'view view-routes', 'aria-label': 'Routes' });
  private readonly input = el('input', { type: 'text', id: 'route-url', class: 'route-url', placeholder: 'https://shop.example.com/api', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_URL, 'aria-describedby': 'route-url-hint' });
  private readonly form: HTMLFormElement;
  private readonly answer = el('div', { class: 'route-answer', role: 'status', 'aria-live': 'polite', 'aria-label': 'Route for the URL' });
  private readonly list = el('div', { class: 'route-list' });
  /** The URL whose answer is shown or awaited; answers for any other are late and dropped. */
  private asked: string | null = null;
  private index: ModelIndex | null = null;

  constructor(private readonly actions: RoutesViewActions) {
    this.form = el('form', { class: 'route-form', 'aria-label': 'Find the route of a URL' },
      el('label', { for: 'route-url' }, 'URL'),
      this.input,
      el('button', { type: 'submit' }, 'Find route'),
      el('p', { class: 'muted route-hint', id: 'route-url-hint' }, 'Which Ingress path, Service and pods answer it; the scheme is optional.'),
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.input.value.trim());
    });
    replaceChildren(this.element, this.form, this.answer, this.list);
  }

  update(index: ModelIndex): void {
    this.index = index;
    const routes = index.model.routes;
    const ingresses = routes?.ingresses ?? [];
    this.form.hidden = ingresses.length === 0;
    if (ingresses.length === 0) {
      this.asked = null;
      replaceChildren(this.answer);
      replaceChildren(this.list, el('p', { class: 'empty' }, 'No Ingress in the previewed manifests. Add a networking.k8s.io/v1 Ingress to a previewed file, or choose Workspace to preview every file, to see which Service and pods each host and path reach.'));
      return;
    }
    const paths = ingresses.reduce((sum, ingress) => sum + ingress.routes.length, 0);
    const omitted = [
      routes?.omittedIngresses ? `${plural(routes.omittedIngresses, 'more Ingress', 'more Ingresses')}` : null,
      routes?.omittedRoutes ? `${plural(routes.omittedRoutes, 'more path')}` : null,
    ].filter((part) => part !== null);
    replaceChildren(this.list,
      el('p', { class: 'summary' }, `${plural(ingresses.length, 'Ingress', 'Ingresses')}, ${plural(paths, 'path')}`),
      omitted.length > 0 ? el('p', { class: 'muted' }, `Not listed (too many for the preview): ${omitted.join(', ')}. The URL box still sees every route.`) : null,
      ...ingresses.map((ingress) => this.renderIngress(ingress, index)),
    );
    // The shown answer was for the previous model: ask again.
    if (this.asked !== null) this.ask(this.asked);
  }

  /** The host's answer to the last URL asked; false when it is late (another URL was asked since). */
  showAnswer(url: string, result: PreviewRouteQueryResult | null): boolean {
    if (url !== this.asked) return false;
    if (result === null) {
      replaceChildren(this.answer, el('p', { class: 'muted' }, 'No answer: the language server is not running, or the preview changed. Try again.'));
    } else if (!result.ok) {
      replaceChildren(this.answer, el('p', { class: 'verdict verdict-pending' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), result.error));
    } else {
      replaceChildren(this.answer, el('h3', {}, 'Route for ', el('code', {}, result.url)), ...result.answers.map((answer) => this.renderAnswer(answer)));
    }
    return true;
  }

  private ask(url: string): void {
    if (url === '') {
      this.asked = null;
      replaceChildren(this.answer, el('p', { class: 'muted' }, 'Type a URL, e.g. https://shop.example.com/api.'));
      return;
    }
    if (url.length > MAX_URL) {
      this.asked = null;
      replaceChildren(this.answer, el('p', { class: 'muted' }, `The URL is longer than ${MAX_URL} characters.`));
      return;
    }
    this.asked = url;
    replaceChildren(this.answer, el('p', { class: 'muted' }, `Finding the route of ${url}…`));
    this.actions.query(url);
  }

  private renderIngress(ingress: PreviewIngress, index: ModelIndex): HTMLElement {
    const key = `${ingress.namespace}/${ingress.name}`;
    const source = ingress.source;
    const title = source
      ? button(key, { class: 'link', 'aria-label': `Ingress ${key}: reveal its manifest` }, () => this.actions.reveal(source))
      : key;
    const rows = [
      ...ingress.routes.map((route) => this.renderRoute(route, index)),
      ingress.defaultBackend ? this.renderRow(el('th', { scope: 'row', colspan: 3 }, 'Default backend (no rule matches)'), ingress.defaultBackend, ingress.defaultBackendIssue ? 'Never used: an older Ingress of the class has the default backend.' : null, index) : null,
    ].filter((row) => row !== null);
    return el('article', { class: 'service-card ingress-card', 'aria-label': `Ingress ${key}` },
      el('h3', {}, 'Ingress ', title, el('span', { class: 'muted' }, ingress.class === null ? ' no class' : ` class ${ingress.class}`)),
      ingress.served ? null : el('p', { class: 'verdict verdict-pending' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), `Not served: no IngressClass ${ingress.class ?? ''} among the manifests, so no controller routes it.`),
      rows.length === 0
        ? el('p', { class: 'muted' }, 'No paths and no default backend.')
        : el('table', { class: 'data-table routes-table' },
          el('thead', {}, el('tr', {}, ...['Host', 'Path', 'Type', 'Service', 'Endpoints'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows),
        ),
    );
  }

  private renderRoute(route: PreviewRoute, index: ModelIndex): HTMLElement {
    return this.renderRow([
      el('th', { scope: 'row', class: 'route-host' }, route.host ?? '* (any host)'),
      el('td', { class: 'route-path' }, route.path === '' ? '(any)' : route.path),
      el('td', {}, route.pathType),
    ], route.target, route.issue ? ISSUE_TEXT[route.issue] : null, index);
  }

  private renderRow(head: HTMLElement | HTMLElement[], target: PreviewRouteTarget, issue: string | null, index: ModelIndex): HTMLElement {
    return el('tr', { class: issue ? 'route-unused' : '' },
      ...(Array.isArray(head) ? head : [head]),
      el('td', { class: 'route-service' }, target.service === null ? el('span', { class: 'muted' }, 'not a Service') : `${target.service}:${target.port ?? '?'}`),
      el('td', {}, issue ? el('p', { class: 'note' }, issue) : null, this.renderEndpoints(target, index)),
    );
  }

  private renderEndpoints(target: PreviewRouteTarget, index: ModelIndex): HTMLElement {
    const ready = target.endpoints.filter((endpoint) => endpoint.ready).length;
    const omitted = target.endpointsOmitted ?? 0;
    const reason = target.reason === null ? null : el('p', { class: 'note' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), target.reason);
    if (target.endpoints.length === 0) return el('div', {}, reason ?? el('span', { class: 'muted' }, 'No endpoints.'));
    return el('div', {},
      el('div', { class: 'endpoint-list' },
        el('span', { class: 'muted' }, omitted > 0 ? `${target.endpoints.length + omitted} endpoints, ${ready} of the first ${target.endpoints.length} ready ` : `${ready} of ${target.endpoints.length} ready `),
        ...target.endpoints.map((endpoint) => {
          const text = `${endpoint.ready ? '✓' : '✕'} ${endpoint.pod}:${endpoint.port}`;
          const label = `Endpoint ${endpoint.pod} port ${endpoint.port}, ${endpoint.ready ? 'ready' : 'not ready'}`;
          const cls = `chip endpoint ${endpoint.ready ? 'endpoint-ready' : 'endpoint-not-ready'}`;
          return index.podByKey.has(endpoint.pod)
            ? button(text, { class: cls, 'aria-label': `${label}: show the pod` }, () => this.actions.selectPod(endpoint.pod))
            : el('span', { class: cls, 'aria-label': label }, text);
        }),
        omitted > 0 ? el('span', { class: 'muted' }, `and ${omitted} more`) : null,
      ),
      reason,
    );
  }

  private renderAnswer(answer: PreviewRouteAnswer): HTMLElement {
    const cls = answer.class === null ? 'no class' : `class ${answer.class}`;
    if (answer.ingress === null) {
      return el('div', { class: 'route-answer-item' },
        el('p', { class: 'verdict verdict-pending' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), 'No route. ', answer.reason ?? ''),
      );
    }
    const rule = answer.pathType === null ? 'the default backend (no rule matches)' : `${answer.host ?? '* (any host)'} ${answer.path === '' || answer.path === null ? '(any)' : answer.path} (${answer.pathType})`;
    const { target } = answer;
    const facts: Array<[string, HTMLElement | string]> = [
      ['Ingress', this.ingressLink(answer.ingress)],
      ['Rule', rule],
      ['Service', target.service ?? 'not a Service'],
      ['Port', target.port === null ? '—' : String(target.port)],
    ];
    return el('div', { class: 'route-answer-item' },
      el('h4', {}, `${cls}: `, answer.ingress),
      el('dl', { class: 'route-facts' }, ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      this.index ? this.renderEndpoints({ ...target, reason: null }, this.index) : null,
      answer.reason ? el('p', { class: 'note' }, answer.reason) : null,
    );
  }

  /** The Ingress's name, a button revealing its manifest when the model knows where it is. */
  private ingressLink(key: string): HTMLElement | string {
    const source = this.index?.model.routes?.ingresses.find((i) => `${i.namespace}/${i.name}` === key)?.source;
    return source ? button(key, { class: 'link', 'aria-label': `Ingress ${key}: reveal its manifest` }, () => this.actions.reveal(source)) : key;
  }
}
