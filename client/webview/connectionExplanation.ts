import * as l10n from '@vscode/l10n';
import type { PreviewConnectionExplanation, PreviewDirectionExplanation, PreviewPolicyRef, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, type Child } from './dom';
import { fillSlot, SLOT } from './sentenceSlot';

type Reveal = (location: SourceLocation) => void;
type ExplainedPort = PreviewConnectionExplanation['ports'][number];

type Direction = PreviewDirectionExplanation['direction'];

/**
 * The rule-by-rule explanation of one reachability cell (`drydock/explainConnection`): which ports
 * pass, then per direction (the egress of the source, the ingress of the destination) the policies
 * that isolate the subject and, per port and protocol, the rules that allow it or why none does.
 * Every policy and rule is a link to where it is written.
 */
export function renderConnectionExplanation(explanation: PreviewConnectionExplanation, reveal: Reveal): HTMLElement {
  const root = el('div', { class: 'connection-explanation' });
  const subjects = explanation.source !== explanation.from || explanation.destination !== explanation.to;
  if (subjects) root.append(el('p', { class: 'muted' }, l10n.t('Explained for {0} → {1}.', explanation.source, explanation.destination)));
  for (const note of explanation.notes ?? []) root.append(el('p', { class: 'muted' }, note));
  if (explanation.ungoverned) {
    root.append(el('p', {}, `${capitalised(explanation.ungoverned)}.`));
    return root;
  }
  root.append(el('p', { class: 'connection-summary' }, summary(explanation.ports)));
  root.append(renderDirection(explanation, explanation.egress, 'source', reveal), renderDirection(explanation, explanation.ingress, 'destination', reveal));
  return root;
}

function renderDirection(explanation: PreviewConnectionExplanation, side: PreviewDirectionExplanation, role: 'source' | 'destination', reveal: Reveal): HTMLElement {
  const title = directionTitle(side.direction, role, side.subject);
  const section = el('section', { class: `connection-direction connection-${side.direction}`, 'aria-label': title }, el('h4', {}, title));
  if (!side.governed) {
    section.append(el('p', {}, side.direction === 'egress'
      ? l10n.t('{0} is outside the cluster: NetworkPolicy does not govern its egress, so every connection passes this side.', side.subject)
      : l10n.t('{0} is outside the cluster: NetworkPolicy does not govern its ingress, so every connection passes this side.', side.subject)));
    return section;
  }
  if (side.isolatedBy.length === 0) {
    section.append(el('p', {}, side.direction === 'egress'
      ? l10n.t('Not isolated: no NetworkPolicy of namespace {0} selects {1} (podSelector) with Egress in its policyTypes, so every egress connection is allowed by default.', namespaceOf(side.subject), side.subject)
      : l10n.t('Not isolated: no NetworkPolicy of namespace {0} selects {1} (podSelector) with Ingress in its policyTypes, so every ingress connection is allowed by default.', namespaceOf(side.subject), side.subject)));
    return section;
  }
  section.append(el('p', { class: 'connection-isolated' },
    ...fillSlot(isolatedText(side.direction, side.isolatedBy.length), joined(side.isolatedBy.map((ref) => policyLink(ref, reveal)))),
  ));
  const rows = explanation.ports.map((port, i) => {
    const verdict = side.ports[i];
    return el('tr', { class: verdict.allowed ? 'port-allowed' : 'port-denied' },
      el('th', { scope: 'row' }, portLabel(port, explanation.ports)),
      el('td', {}, verdict.allowed ? l10n.t('✓ allowed') : l10n.t('✕ denied')),
      el('td', {}, ...(verdict.allowed
        ? joined(verdict.allowedBy.map((ref) => policyLink(ref, reveal)))
        : [el('span', {}, l10n.t('No rule allows it')), el('span', { class: 'muted connection-why' }, ` (${reason(verdict.explanation)})`)])),
    );
  });
  section.append(el('div', { class: 'table-scroll' }, el('table', { class: 'data-table connection-table' },
    el('caption', { class: 'visually-hidden' }, l10n.t('{0}: the rules that allow each port', title)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Port')), el('th', { scope: 'col' }, l10n.t('Verdict')), el('th', { scope: 'col' }, l10n.t('Allowed by')))),
    el('tbody', {}, ...rows),
  )));
  return section;
}

/** "Egress of shop/web (the source)". */
function directionTitle(direction: Direction, role: 'source' | 'destination', subject: string): string {
  if (direction === 'egress') return role === 'source' ? l10n.t('Egress of {0} (the source)', subject) : l10n.t('Egress of {0} (the destination)', subject);
  return role === 'source' ? l10n.t('Ingress of {0} (the source)', subject) : l10n.t('Ingress of {0} (the destination)', subject);
}

/** "Isolated for egress by {links}: only what a rule of it allows passes.", the links standing as SLOT. */
function isolatedText(direction: Direction, policies: number): string {
  if (direction === 'egress') {
    return policies === 1 ? l10n.t('Isolated for egress by {0}: only what a rule of it allows passes.', SLOT) : l10n.t('Isolated for egress by {0}: only what a rule of one of them allows passes.', SLOT);
  }
  return policies === 1 ? l10n.t('Isolated for ingress by {0}: only what a rule of it allows passes.', SLOT) : l10n.t('Isolated for ingress by {0}: only what a rule of one of them allows passes.', SLOT);
}

/** A link to the policy (or rule) where it is written; plain text when it has no location. */
function policyLink(ref: PreviewPolicyRef, reveal: Reveal): HTMLElement {
  const text = ref.rule ? `${ref.policy} ${ref.rule.direction}[${ref.rule.index}]` : ref.policy;
  const source = ref.source;
  if (!source) return el('span', { class: 'policy-ref' }, text);
  const label = ref.rule
    ? l10n.t('Rule {0} of NetworkPolicy {1}: reveal it in the manifest', `${ref.rule.direction}[${ref.rule.index}]`, ref.policy)
    : l10n.t('NetworkPolicy {0}: reveal it in the manifest', ref.policy);
  return button(text, { class: 'link policy-ref', 'aria-label': label }, () => reveal(source));
}

function portLabel(port: ExplainedPort, all: readonly ExplainedPort[]): string {
  if (!port.otherPorts) return `${port.protocol} ${port.port}`;
  return all.some((p) => !p.otherPorts && p.protocol === port.protocol) ? l10n.t('{0}, any other port', port.protocol) : l10n.t('{0}, any port', port.protocol);
}

/** "Allowed on TCP 5432; denied on TCP 9090 and TCP, any other port." */
function summary(ports: readonly ExplainedPort[]): string {
  const allowed = ports.filter((p) => p.allowed).map((p) => portLabel(p, ports));
  const denied = ports.filter((p) => !p.allowed).map((p) => portLabel(p, ports));
  if (denied.length === 0) return l10n.t('Allowed on {0}.', list(allowed));
  if (allowed.length === 0) return l10n.t('Denied on {0}.', list(denied));
  return l10n.t('Allowed on {0}; denied on {1}.', list(allowed), list(denied));
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : l10n.t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]);
}

/** The engine's sentence without its lead ("x is isolated … and nothing allows it: "), which the section already says. */
function reason(explanation: string): string {
  const cut = explanation.indexOf('nothing allows it: ');
  return cut >= 0 ? explanation.slice(cut + 'nothing allows it: '.length) : explanation;
}

function joined(items: readonly HTMLElement[]): Child[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [', ', item]));
}

function namespaceOf(subject: string): string {
  return subject.includes('/') ? subject.slice(0, subject.indexOf('/')) : subject;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
