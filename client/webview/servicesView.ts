import type { PreviewService, ServicePort, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, replaceChildren } from './dom';
import * as l10n from '@vscode/l10n';
import { keyOf } from './format';
import type { ModelIndex } from './modelIndex';
import { fileBeside, withFile } from './duplicateFiles';

export interface ServicesViewActions {
  selectPod(podKey: string): void;
  reveal(location: SourceLocation): void;
}

/** The services tab: for each Service and port, the endpoints (pod:port) and whether each is ready. */
export class ServicesView {
  readonly element = el('section', { class: 'view view-services', 'aria-label': l10n.t('Services') });

  constructor(private readonly actions: ServicesViewActions) {}

  update(index: ModelIndex): void {
    const services = index.model.simulation.services;
    if (services.length === 0) {
      replaceChildren(this.element, el('p', { class: 'empty' }, l10n.t('No Service in the previewed manifests.')));
      return;
    }
    replaceChildren(this.element,
      el('p', { class: 'summary' }, services.length === 1 ? l10n.t('{0} Service', services.length) : l10n.t('{0} Services', services.length)),
      ...services.map((service) => this.renderService(service, index)),
    );
  }

  private renderService(service: PreviewService, index: ModelIndex): HTMLElement {
    const key = keyOf(service);
    const source = service.source;
    // Where several files define the Service, the file of the copy simulated is shown beside its name.
    const shown = withFile(key, fileBeside(index.duplicates, 'Service', service.namespace, service.name, source));
    const title = source
      ? button(shown, { class: 'link', 'aria-label': l10n.t('Service {0}: reveal its manifest', shown) }, () => this.actions.reveal(source))
      : shown;
    return el('article', { class: 'service-card', 'aria-label': `Service ${key}` },
      el('h3', {}, 'Service ', title, service.type ? el('span', { class: 'muted' }, ` ${service.type}`) : null),
      service.ports.length === 0
        ? el('p', { class: 'muted' }, l10n.t('No ports.'))
        : el('table', { class: 'data-table services-table' },
          el('thead', {}, el('tr', {}, ...[l10n.t('Port'), l10n.t('Protocol'), l10n.t('Target'), l10n.t('Endpoints')].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...service.ports.map((port) => this.renderPort(port, service, index))),
        ),
    );
  }

  private renderPort(port: ServicePort, service: PreviewService, index: ModelIndex): HTMLElement {
    const ready = port.endpoints.filter((endpoint) => endpoint.ready).length;
    const elsewhere = service.podsElsewhere ?? [];
    const endpoints = port.endpoints.length === 0 && elsewhere.length > 0
      ? el('span', { class: 'muted' }, l10n.t('Its pods come from other files ({0}): choose Workspace to see its endpoints.', elsewhere.join(', ')))
      : port.endpoints.length === 0
      ? el('span', {}, el('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠ '), l10n.t('No endpoints: no pod matches the selector and port.'))
      : el('div', { class: 'endpoint-list' },
        el('span', { class: 'muted' }, l10n.t('{0} of {1} ready', ready, port.endpoints.length), ' '),
        ...port.endpoints.map((endpoint) => {
          const known = index.podByKey.has(endpoint.pod);
          const text = `${endpoint.ready ? '✓' : '✕'} ${endpoint.pod}:${endpoint.port}`;
          const label = endpoint.ready ? l10n.t('Endpoint {0} port {1}, ready', endpoint.pod, endpoint.port) : l10n.t('Endpoint {0} port {1}, not ready', endpoint.pod, endpoint.port);
          const cls = `chip endpoint ${endpoint.ready ? 'endpoint-ready' : 'endpoint-not-ready'}`;
          return known
            ? button(text, { class: cls, 'aria-label': l10n.t('{0}: show the pod', label) }, () => this.actions.selectPod(endpoint.pod))
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
