/** WCAG 2 contrast between CSS colours as Chromium computes them (`rgb(…)` / `rgba(…)`). */

export type Rgba = [number, number, number, number];

export function parseCssColor(text: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? parseFloat(match[4]) / 100 : parseFloat(match[4]);
  return [parseFloat(match[1]), parseFloat(match[2]), parseFloat(match[3]), alpha];
}

/** Paints `layers` (innermost first, as an element's ancestors are walked) over an opaque base. */
export function flatten(layers: readonly Rgba[], base: Rgba): Rgba {
  let result = base;
  for (const layer of [...layers].reverse()) result = over(layer, result);
  return result;
}

export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const fg = over(foreground, background);
  const l1 = luminance(fg);
  const l2 = luminance(background);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
