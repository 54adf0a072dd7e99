import type { PreviewConnectionExplanation, PreviewDirectionExplanation, PreviewPolicyRef, SourceLocation } from '../../server/src/protocol/preview';
import { button, el, type Child } from './dom';

type Reveal = (location: SourceLocation) => void;
type ExplainedPort = PreviewConnectionExplanation['ports'][number];

const DIRECTION_TITLE = { egress: 'Egress', ingress: 'Ingress' } as const;

/**
 * The rule-by-rule explanation of one reachability cell (`drydock/explainConnection`): which ports
 * pass, then per direction (the egress of the source, the ingress of the destination) the policies
 * that isolate the subject and, per port and protocol, the rules that allow it or why none does.
 * Every policy and rule is a link to where it is written.
 */
export function renderConnectionExplanation(explanation: PreviewConnectionExplanation, reveal: Reveal): HTMLElement {
  const root = el('div', { class: 'connection-explanation' });
  const subjects = explanation.source !== explanation.from || explanation.destination !== explanation.to;
  if (subjects) root.append(el('p', { class: 'muted' }, `Explained for ${explanation.source} → ${explanation.destination}.`));
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
  const title = `${DIRECTION_TITLE[side.direction]} of ${side.subject} (the ${role})`;
  const section = el('section', { class: `connection-direction connection-${side.direction}`, 'aria-label': title }, el('h4', {}, title));
  if (!side.governed) {
    section.append(el('p', {}, `${side.subject} is outside the cluster: NetworkPolicy does not govern its ${side.direction}, so every connection passes this side.`));
    return section;
  }
  if (side.isolatedBy.length === 0) {
    section.append(el('p', {}, `Not isolated: no NetworkPolicy of namespace ${namespaceOf(side.subject)} selects ${side.subject} (podSelector) with ${DIRECTION_TITLE[side.direction]} in its policyTypes, so every ${side.direction} connection is allowed by default.`));
    return section;
  }
  section.append(el('p', { class: 'connection-isolated' },
    `Isolated for ${side.direction} by `, ...joined(side.isolatedBy.map((ref) => policyLink(ref, reveal))),
    `: only what a rule of ${side.isolatedBy.length === 1 ? 'it' : 'one of them'} allows passes.`,
  ));
  const rows = explanation.ports.map((port, i) => {
    const verdict = side.ports[i];
    return el('tr', { class: verdict.allowed ? 'port-allowed' : 'port-denied' },
      el('th', { scope: 'row' }, portLabel(port, explanation.ports)),
      el('td', {}, verdict.allowed ? '✓ allowed' : '✕ denied'),
      el('td', {}, ...(verdict.allowed
        ? joined(verdict.allowedBy.map((ref) => policyLink(ref, reveal)))
        : [el('span', {}, 'No rule allows it'), el('span', { class: 'muted connection-why' }, ` (${reason(verdict.explanation)})`)])),
    );
  });
  section.append(el('div', { class: 'table-scroll' }, el('table', { class: 'data-table connection-table' },
    el('caption', { class: 'visually-hidden' }, `${title}: the rules that allow each port`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Port'), el('th', { scope: 'col' }, 'Verdict'), el('th', { scope: 'col' }, 'Allowed by'))),
    el('tbody', {}, ...rows),
  )));
  return section;
}

/** A link to the policy (or rule) where it is written; plain text when it has no location. */
function policyLink(ref: PreviewPolicyRef, reveal: Reveal): HTMLElement {
  const text = ref.rule ? `${ref.policy} ${ref.rule.direction}[${ref.rule.index}]` : ref.policy;
  const source = ref.source;
  if (!source) return el('span', { class: 'policy-ref' }, text);
  const what = ref.rule ? `Rule ${ref.rule.direction}[${ref.rule.index}] of NetworkPolicy ${ref.policy}` : `NetworkPolicy ${ref.policy}`;
  return button(text, { class: 'link policy-ref', 'aria-label': `${what}: reveal it in the manifest` }, () => reveal(source));
}

function portLabel(port: ExplainedPort, all: readonly ExplainedPort[]): string {
  if (!port.otherPorts) return `${port.protocol} ${port.port}`;
  return all.some((p) => !p.otherPorts && p.protocol === port.protocol) ? `${port.protocol}, any other port` : `${port.protocol}, any port`;
}

/** "Allowed on TCP 5432; denied on TCP 9090 and TCP, any other port." */
function summary(ports: readonly ExplainedPort[]): string {
  const allowed = ports.filter((p) => p.allowed).map((p) => portLabel(p, ports));
  const denied = ports.filter((p) => !p.allowed).map((p) => portLabel(p, ports));
  if (denied.length === 0) return `Allowed on ${list(allowed)}.`;
  if (allowed.length === 0) return `Denied on ${list(denied)}.`;
  return `Allowed on ${list(allowed)}; denied on ${list(denied)}.`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
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
