/** `text` as a regular expression that matches it literally (for exact labels in locators). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
