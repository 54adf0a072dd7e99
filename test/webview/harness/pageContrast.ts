import { contrastRatio, flatten, parseCssColor, type Rgba } from './contrast';
import type { PreviewPage } from './previewPage';
import { THEMES, type ThemeKind } from './themes';

/** How one element stands out in the page: its colour, what it is drawn on, and the WCAG ratio between them. */
export interface PageContrast {
  ratio: number;
  /** The element's colour as Chromium computed it. */
  color: string;
  /** Its own and its ancestors' backgrounds composited over the theme's editor background. */
  background: Rgba;
}

/**
 * The contrast of the first element matching `selector`, null when there is none. `text` (the
 * default) is its text colour against its own background and its ancestors'; `graphic` is its
 * border against what lies behind it (its ancestors' backgrounds), for a shape that is seen, not read.
 */
export async function contrastOnPage(preview: PreviewPage, theme: ThemeKind, selector: string, kind: 'text' | 'graphic' = 'text'): Promise<PageContrast | null> {
  const colours = await preview.page.evaluate(
    ([s, graphic]) => {
      interface PageNode {
        parentElement: PageNode | null;
      }
      const page = globalThis as unknown as {
        document: { querySelector(selector: string): PageNode | null };
        getComputedStyle(element: PageNode): { color: string; backgroundColor: string; borderTopColor: string };
      };
      const element = page.document.querySelector(s);
      if (!element) return null;
      const style = page.getComputedStyle(element);
      const backgrounds: string[] = [];
      for (let e: PageNode | null = graphic ? element.parentElement : element; e; e = e.parentElement) backgrounds.push(page.getComputedStyle(e).backgroundColor);
      return { color: graphic ? style.borderTopColor : style.color, backgrounds };
    },
    [selector, kind === 'graphic'] as const,
  );
  if (!colours) return null;
  const base = editorBackground(theme);
  const background = flatten(colours.backgrounds.map((c) => parseCssColor(c) ?? [0, 0, 0, 0]), base);
  return { ratio: contrastRatio(parseCssColor(colours.color) as Rgba, background), color: colours.color, background };
}

function editorBackground(theme: ThemeKind): Rgba {
  const n = parseInt(THEMES[theme]['--vscode-editor-background'].slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
}
