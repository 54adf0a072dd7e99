import type { PreviewService, ServicePort, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, replaceChildren } from './dom';
import { keyOf, plural } from './format';
import type { ModelIndex } from './modelIndex';

export interface ServicesViewActions {
  selectPod(podKey: string): void;
  reveal(location: SourceLocation): void;
}

/** The services tab: for each Service and port, the endpoints (pod:port) and whether each is ready. */
export class ServicesView {
  readonly element = el('section', { class: 'view view-services', 'aria-label': 'Services' });

  constructor(private readonly actions: ServicesViewActions) {}

  update(index: ModelIndex): void {
    const services = index.model.simulation.services;
    if (services.length === 0) {
      replaceChildren(this.element, el('p', { class: 'empty' }, 'No Service in the previewed manifests.'));
      return;
    }
    replaceChildren(this.element,
      el('p', { class: 'summary' }, plural(services.length, 'Service')),
      ...services.map((service) => this.renderService(service, index)),
    );
  }

  private renderService(service: PreviewService, index: ModelIndex): HTMLElement {
    const key = keyOf(service);
    const source = service.source;
    const title = source
      ? button(key, { class: 'link', 'aria-label': `Service ${key}: reveal its manifest` }, () => this.actions.reveal(source))
      : key;
    return el('article', { class: 'service-card', 'aria-label': `Service ${key}` },
      el('h3', {}, 'Service ', title, service.type ? el('span', { class: 'muted' }, ` ${service.type}`) : null),
      service.ports.length === 0
        ? el('p', { class: 'muted' }, 'No ports.')
        : el('table', { class: 'data-table services-table' },
          el('thead', {}, el('tr', {}, ...['Port', 'Protocol', 'Target', 'Endpoints'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...service.ports.map((port) => this.renderPort(port, service, index))),
        ),
    );
  }

  private renderPort(port: ServicePort, service: PreviewService, index: ModelIndex): HTMLElement {
    const ready = port.endpoints.filter((endpoint) => endpoint.ready).length;
    const elsewhere = service.podsElsewhere ?? [];
    const endpoints = port.endpoints.length === 0 && elsewhere.length > 0
      ? el('span', { class: 'muted' }, `Its pods come from other files (${elsewhere.join(', ')}): choose Workspace to see its endpoints.`)
      : port.endpoints.length === 0
      ? el('span', {}, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), 'No endpoints: no pod matches the selector and port.')
      : el('div', { class: 'endpoint-list' },
        el('span', { class: 'muted' }, `${ready} of ${port.endpoints.length} ready `),
        ...port.endpoints.map((endpoint) => {
          const known = index.podByKey.has(endpoint.pod);
          const text = `${endpoint.ready ? '✓' : '✕'} ${endpoint.pod}:${endpoint.port}`;
          const label = `Endpoint ${endpoint.pod} port ${endpoint.port}, ${endpoint.ready ? 'ready' : 'not ready'}`;
          const cls = `chip endpoint ${endpoint.ready ? 'endpoint-ready' : 'endpoint-not-ready'}`;
          return known
            ? button(text, { class: cls, 'aria-label': `${label}: show the pod` }, () => this.actions.selectPod(endpoint.pod))
            : el('span', { class: cls, 'aria-label': label }, text);
        }),
      );
    return el('tr', {},
      el('td', { class: 'num' }, port.name ? `${port.port} (${port.name})` : port.port),
      el('td', {}, port.protocol),
      el('td', {}, port.targetPort ?? port.port),
      el('td', {}, endpoints),
    );
  }
}
