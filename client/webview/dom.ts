/**
 * The only way the webview builds DOM. Manifest strings (names, labels, messages) reach the page as
 * text nodes or attribute values, never as markup: nothing here parses HTML, so a label value such as
 * `<img src=x onerror=alert(1)>` is displayed, not executed. Attribute names are fixed by our code;
 * event-handler, style and URL attributes are refused so data can never become script or a request.
 */

export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Record<string, AttributeValue>;
export type Child = Node | string | number | null | undefined | false;

const FORBIDDEN_ATTRIBUTE = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink:href$)/i;

/** Creates an element; `true` sets an empty attribute, `false`/null/undefined leaves it out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, ...children);
  return element;
}

export function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`dom: attribute ${name} is not allowed`);
    if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, ...children);
}

/** A `<button type="button">` with a click handler. */
export function button(label: Child, attributes: Attributes, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const element = el('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** Sets a CSS length through the CSSOM (allowed by the `style-src` CSP, unlike style attributes). */
export function setPercentWidth(element: HTMLElement, fraction: number): void {
  element.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
}

/**
 * Runs `render`, which rebuilds part of `container`, and gives focus back to the new element with the
 * same `data-focus-key` (or `fallbackKey` when that one is now disabled), so keyboard users keep their
 * place when a view redraws itself.
 */
export function keepingFocus(container: HTMLElement, render: () => void, fallbackKey?: string): void {
  const focused = document.activeElement;
  const key = focused instanceof HTMLElement && container.contains(focused) ? focused.dataset.focusKey : undefined;
  render();
  if (key === undefined) return;
  const find = (k: string) => container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(k)}"]:not(:disabled)`);
  (find(key) ?? (fallbackKey ? find(fallbackKey) : null))?.focus();
}
