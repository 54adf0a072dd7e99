import * as l10n from '@vscode/l10n';
import type { PreviewIngress, PreviewRoute, PreviewRouteAnswer, PreviewRouteQueryResult, PreviewRouteTarget, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, replaceChildren, setAttributes } from './dom';
import type { ModelIndex } from './modelIndex';
import { fillSlot, SLOT } from './sentenceSlot';

export interface RoutesViewActions {
  selectPod(podKey: string): void;
  reveal(location: SourceLocation): void;
  /** Ask the host which route answers `url` (the answer comes back through `showAnswer`). */
  query(url: string): void;
}

/** The longest URL the box sends (the host refuses longer ones). */
const MAX_URL = 2048;

function issueText(issue: NonNullable<PreviewRoute['issue']>): string {
  switch (issue) {
    case 'conflict': return l10n.t('Never used: an older Ingress of the class claims the same host and path.');
    case 'shadowed': return l10n.t('Never used: an earlier path of this Ingress is the same.');
    case 'invalid-path': return l10n.t('Rejected by the API server: the path is invalid.');
  }
}

/**
 * The routes tab: each Ingress (routing order: oldest first) with its class, its paths host → path →
 * Service:port → endpoints (pods open their details), its default backend; and a URL box whose answer
 * the host asks the language server for (`drydock/routeQuery`: the engine matches, the page only shows).
 */
export class RoutesView {
  readonly element = el('section', { class: 'view view-routes' });
  private readonly input = el('input', { type: 'text', id: 'route-url', class: 'route-url', placeholder: 'https://shop.example.com/api', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_URL, 'aria-describedby': 'route-url-hint' });
  private readonly form: HTMLFormElement;
  private readonly answer = el('div', { class: 'route-answer', role: 'status', 'aria-live': 'polite' });
  /** The form's words: set with each model (the page's language comes with the first). */
  private readonly urlLabel = el('label', { for: 'route-url' });
  private readonly submit = el('button', { type: 'submit' });
  private readonly hint = el('p', { class: 'muted route-hint', id: 'route-url-hint' });
  private readonly list = el('div', { class: 'route-list' });
  /** The URL whose answer is shown or awaited; answers for any other are late and dropped. */
  private asked: string | null = null;
  private index: ModelIndex | null = null;

  constructor(private readonly actions: RoutesViewActions) {
    this.form = el('form', { class: 'route-form' }, this.urlLabel, this.input, this.submit, this.hint);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.input.value.trim());
    });
    replaceChildren(this.element, this.form, this.answer, this.list);
  }

  update(index: ModelIndex): void {
    this.index = index;
    this.label();
    const routes = index.model.routes;
    const ingresses = routes?.ingresses ?? [];
    this.form.hidden = ingresses.length === 0;
    if (ingresses.length === 0) {
      this.asked = null;
      replaceChildren(this.answer);
      replaceChildren(this.list, el('p', { class: 'empty' }, l10n.t('No Ingress in the previewed manifests. Add a networking.k8s.io/v1 Ingress to a previewed file, or choose Workspace to preview every file, to see which Service and pods each host and path reach.')));
      return;
    }
    const paths = ingresses.reduce((sum, ingress) => sum + ingress.routes.length, 0);
    const omitted = [
      routes?.omittedIngresses ? (routes.omittedIngresses === 1 ? l10n.t('1 more Ingress') : l10n.t('{0} more Ingresses', routes.omittedIngresses)) : null,
      routes?.omittedRoutes ? (routes.omittedRoutes === 1 ? l10n.t('1 more path') : l10n.t('{0} more paths', routes.omittedRoutes)) : null,
    ].filter((part) => part !== null);
    replaceChildren(this.list,
      el('p', { class: 'summary' }, `${ingresses.length === 1 ? l10n.t('1 Ingress') : l10n.t('{0} Ingresses', ingresses.length)}, ${paths === 1 ? l10n.t('1 path') : l10n.t('{0} paths', paths)}`),
      omitted.length > 0 ? el('p', { class: 'muted' }, l10n.t('Not listed (too many for the preview): {0}. The URL box still sees every route.', omitted.join(', '))) : null,
      ...ingresses.map((ingress) => this.renderIngress(ingress, index)),
    );
    // The shown answer was for the previous model: ask again.
    if (this.asked !== null) this.ask(this.asked);
  }

  /** The view's and the form's labels, in the page's language. */
  private label(): void {
    setAttributes(this.element, { 'aria-label': l10n.t('Routes') });
    setAttributes(this.answer, { 'aria-label': l10n.t('Route for the URL') });
    setAttributes(this.form, { 'aria-label': l10n.t('Find the route of a URL') });
    this.urlLabel.textContent = l10n.t('URL');
    this.submit.textContent = l10n.t('Find route');
    this.hint.textContent = l10n.t('Which Ingress path, Service and pods answer it; the scheme is optional.');
  }

  /** The host's answer to the last URL asked; false when it is late (another URL was asked since). */
  showAnswer(url: string, result: PreviewRouteQueryResult | null): boolean {
    if (url !== this.asked) return false;
    if (result === null) {
      replaceChildren(this.answer, el('p', { class: 'muted' }, l10n.t('No answer: the language server is not running, or the preview changed. Try again.')));
    } else if (!result.ok) {
      replaceChildren(this.answer, el('p', { class: 'verdict verdict-pending' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), result.error));
    } else {
      replaceChildren(this.answer, el('h3', {}, ...fillSlot(l10n.t('Route for {0}', SLOT), [el('code', {}, result.url)])), ...result.answers.map((answer) => this.renderAnswer(answer)));
    }
    return true;
  }

  private ask(url: string): void {
    if (url === '') {
      this.asked = null;
      replaceChildren(this.answer, el('p', { class: 'muted' }, l10n.t('Type a URL, e.g. https://shop.example.com/api.')));
      return;
    }
    if (url.length > MAX_URL) {
      this.asked = null;
      replaceChildren(this.answer, el('p', { class: 'muted' }, l10n.t('The URL is longer than {0} characters.', MAX_URL)));
      return;
    }
    this.asked = url;
    replaceChildren(this.answer, el('p', { class: 'muted' }, l10n.t('Finding the route of {0}…', url)));
    this.actions.query(url);
  }

  private renderIngress(ingress: PreviewIngress, index: ModelIndex): HTMLElement {
    const key = `${ingress.namespace}/${ingress.name}`;
    const source = ingress.source;
    const title = source
      ? button(key, { class: 'link', 'aria-label': l10n.t('Ingress {0}: reveal its manifest', key) }, () => this.actions.reveal(source))
      : key;
    const rows = [
      ...ingress.routes.map((route) => this.renderRoute(route, index)),
      ingress.defaultBackend ? this.renderRow(el('th', { scope: 'row', colspan: 3 }, l10n.t('Default backend (no rule matches)')), ingress.defaultBackend, ingress.defaultBackendIssue ? l10n.t('Never used: an older Ingress of the class has the default backend.') : null, index) : null,
    ].filter((row) => row !== null);
    return el('article', { class: 'service-card ingress-card', 'aria-label': `Ingress ${key}` },
      el('h3', {}, 'Ingress ', title, el('span', { class: 'muted' }, ` ${ingress.class === null ? l10n.t('no class') : l10n.t('class {0}', ingress.class)}`)),
      ingress.served ? null : el('p', { class: 'verdict verdict-pending' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), l10n.t('Not served: no IngressClass {0} among the manifests, so no controller routes it.', ingress.class ?? '')),
      rows.length === 0
        ? el('p', { class: 'muted' }, l10n.t('No paths and no default backend.'))
        : el('table', { class: 'data-table routes-table' },
          el('thead', {}, el('tr', {}, ...[l10n.t('Host'), l10n.t('Path'), l10n.t('Type'), l10n.t('Service'), l10n.t('Endpoints')].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...rows),
        ),
    );
  }

  private renderRoute(route: PreviewRoute, index: ModelIndex): HTMLElement {
    return this.renderRow([
      el('th', { scope: 'row', class: 'route-host' }, route.host ?? l10n.t('* (any host)')),
      el('td', { class: 'route-path' }, route.path === '' ? l10n.t('(any)') : route.path),
      el('td', {}, route.pathType),
    ], route.target, route.issue ? issueText(route.issue) : null, index);
  }

  private renderRow(head: HTMLElement | HTMLElement[], target: PreviewRouteTarget, issue: string | null, index: ModelIndex): HTMLElement {
    return el('tr', { class: issue ? 'route-unused' : '' },
      ...(Array.isArray(head) ? head : [head]),
      el('td', { class: 'route-service' }, target.service === null ? el('span', { class: 'muted' }, l10n.t('not a Service')) : `${target.service}:${target.port ?? '?'}`),
      el('td', {}, issue ? el('p', { class: 'note' }, issue) : null, this.renderEndpoints(target, index)),
    );
  }

  private renderEndpoints(target: PreviewRouteTarget, index: ModelIndex): HTMLElement {
    const ready = target.endpoints.filter((endpoint) => endpoint.ready).length;
    const omitted = target.endpointsOmitted ?? 0;
    const reason = target.reason === null ? null : el('p', { class: 'note' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), target.reason);
    if (target.endpoints.length === 0) return el('div', {}, reason ?? el('span', { class: 'muted' }, l10n.t('No endpoints.')));
    return el('div', {},
      el('div', { class: 'endpoint-list' },
        el('span', { class: 'muted' }, `${omitted > 0 ? l10n.t('{0} endpoints, {1} of the first {2} ready', target.endpoints.length + omitted, ready, target.endpoints.length) : l10n.t('{0} of {1} ready', ready, target.endpoints.length)} `),
        ...target.endpoints.map((endpoint) => {
          const text = `${endpoint.ready ? '✓' : '✕'} ${endpoint.pod}:${endpoint.port}`;
          const label = endpoint.ready ? l10n.t('Endpoint {0} port {1}, ready', endpoint.pod, endpoint.port) : l10n.t('Endpoint {0} port {1}, not ready', endpoint.pod, endpoint.port);
          const cls = `chip endpoint ${endpoint.ready ? 'endpoint-ready' : 'endpoint-not-ready'}`;
          return index.podByKey.has(endpoint.pod)
            ? button(text, { class: cls, 'aria-label': l10n.t('{0}: show the pod', label) }, () => this.actions.selectPod(endpoint.pod))
            : el('span', { class: cls, 'aria-label': label }, text);
        }),
        omitted > 0 ? el('span', { class: 'muted' }, l10n.t('and {0} more', omitted)) : null,
      ),
      reason,
    );
  }

  private renderAnswer(answer: PreviewRouteAnswer): HTMLElement {
    const cls = answer.class === null ? l10n.t('no class') : l10n.t('class {0}', answer.class);
    if (answer.ingress === null) {
      return el('div', { class: 'route-answer-item' },
        el('p', { class: 'verdict verdict-pending' }, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), `${l10n.t('No route.')} `, answer.reason ?? ''),
      );
    }
    const rule = answer.pathType === null ? l10n.t('the default backend (no rule matches)')
      : `${answer.host ?? l10n.t('* (any host)')} ${answer.path === '' || answer.path === null ? l10n.t('(any)') : answer.path} (${answer.pathType})`;
    const { target } = answer;
    const facts: Array<[string, HTMLElement | string]> = [
      ['Ingress', this.ingressLink(answer.ingress)],
      [l10n.t('Rule'), rule],
      [l10n.t('Service'), target.service ?? l10n.t('not a Service')],
      [l10n.t('Port'), target.port === null ? '—' : String(target.port)],
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
    return source ? button(key, { class: 'link', 'aria-label': l10n.t('Ingress {0}: reveal its manifest', key) }, () => this.actions.reveal(source)) : key;
  }
}
