/** Chips whose text may be cut (pod and label chips); media/nodes.css draws their `.chip-text` whole while hovered or focused. */
const EXPANDABLE = '.pod-chip, .chip-label';
/** The boxes an expanded chip's text must stay inside (they clip what overflows). */
const BOUNDS = '.node-card, .pending-lane, .node-detail';
const INSET = 4;

/**
 * While a chip has focus or the pointer, its text is drawn whole over its neighbours (CSS). This keeps
 * that text inside the card: moved left when it would pass the card's right edge, wrapped when it is
 * wider than the card, moved up when it would pass the bottom.
 */
export function keepExpandedChipsInside(container: HTMLElement): void {
  const fit = (event: Event) => {
    const chip = event.target instanceof Element ? event.target.closest<HTMLElement>(EXPANDABLE) : null;
    const text = chip?.querySelector<HTMLElement>('.chip-text');
    const bounds = chip?.closest<HTMLElement>(BOUNDS);
    if (!chip || !text || !bounds) return;
    text.style.left = '';
    text.style.top = '';
    const box = bounds.getBoundingClientRect();
    text.style.maxWidth = `${Math.max(0, box.width - 2 * INSET)}px`;
    const rect = text.getBoundingClientRect();
    const chipRect = chip.getBoundingClientRect();
    const overRight = rect.right - (box.right - INSET);
    if (overRight > 0) text.style.left = `${Math.round(Math.max(box.left + INSET - chipRect.left, -overRight) - 1)}px`;
    const overBottom = rect.bottom - (box.bottom - INSET);
    if (overBottom > 0) text.style.top = `${Math.round(Math.max(box.top + INSET - chipRect.top, -overBottom) - 1)}px`;
  };
  container.addEventListener('focusin', fit);
  container.addEventListener('mouseover', fit);
}
