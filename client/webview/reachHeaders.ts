import { button, el } from './dom';
import type { ReachLine } from './reachLines';

/** px of indentation per level of a row header (a workload under its namespace, a pod under its workload). */
const INDENT = 12;

/**
 * A row's or a column's header: the line's name, and for a group a button that expands or collapses
 * it (aria-expanded; the grid's arrow keys reach it, Enter or Space toggles it) with its size.
 */
export function renderReachHeader(line: ReachLine, axis: 'row' | 'col', toggle: (line: ReachLine) => void): HTMLElement {
  const header = el('div', { class: `${axis === 'row' ? 'reach-row' : 'reach-col'} reach-line-${line.kind}`, title: line.title });
  if (axis === 'row') header.style.paddingLeft = `${6 + line.depth * INDENT}px`;
  const name = el('span', { class: 'reach-line-text' }, line.text);
  if (line.expanded === null) {
    header.append(name);
    return header;
  }
  const label = el('span', { class: 'reach-toggle-label' },
    el('span', { class: 'reach-toggle-glyph', 'aria-hidden': 'true' }, line.expanded ? '▾' : '▸'),
    ' ',
    name,
    line.count && el('span', { class: 'reach-line-count' }, ` (${line.count})`));
  header.append(button(label, {
    class: 'reach-toggle',
    tabindex: -1,
    'aria-expanded': line.expanded ? 'true' : 'false',
    'aria-label': `${line.label}${line.count ? ` (${line.count})` : ''}`,
  }, () => toggle(line)));
  return header;
}
