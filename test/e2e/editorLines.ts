import type { Locator } from 'playwright-core';

/**
 * Reading a Monaco editor's lines as drawn: the line numbers in its margin give each line's
 * vertical centre, and whatever is drawn at that height (the line's text, a squiggle) belongs to it.
 * `editor` is the `.monaco-editor` element of one file (Workbench.editor).
 */

export type Severity = 'error' | 'warning' | 'info';

/** Line number (1-based) → vertical centre of that line, for the lines on screen. */
export async function lineCentres(editor: Locator): Promise<Map<number, number>> {
  const boxes = await editor.locator('.margin-view-overlays .line-numbers').evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { text: (element.textContent ?? '').trim(), centre: rect.top + rect.height / 2 };
    }));
  const centres = new Map<number, number>();
  for (const box of boxes) if (/^\d+$/.test(box.text)) centres.set(Number(box.text), box.centre);
  return centres;
}

/** The line whose centre is nearest to `y`, if one is within half a line of it. */
function nearestLine(centres: Map<number, number>, y: number): number | undefined {
  let best: number | undefined;
  let distance = Infinity;
  for (const [line, centre] of centres) {
    const d = Math.abs(centre - y);
    if (d < distance) { distance = d; best = line; }
  }
  return distance < 12 ? best : undefined;
}

/** The text of line `line` as drawn (Monaco renders spaces as no-break spaces). */
export async function drawnLineText(editor: Locator, line: number): Promise<string | undefined> {
  const centres = await lineCentres(editor);
  const lines = await editor.locator('.view-lines .view-line').evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { text: element.textContent ?? '', centre: rect.top + rect.height / 2 };
    }));
  for (const drawn of lines) {
    if (nearestLine(centres, drawn.centre) === line) return drawn.text.replace(/\u00a0/g, ' ');
  }
  return undefined;
}

/** Lines (1-based) that carry a squiggle of this severity. */
export async function drawnSquiggleLines(editor: Locator, severity: Severity): Promise<number[]> {
  const centres = await lineCentres(editor);
  const squiggles = await editor.locator(`.squiggly-${severity}`).evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top + rect.height / 2;
    }));
  const lines = new Set<number>();
  for (const y of squiggles) {
    const line = nearestLine(centres, y);
    if (line !== undefined) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}
