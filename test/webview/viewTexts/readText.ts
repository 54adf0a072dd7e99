/**
 * What the view-text checks (viewTexts.test.ts) share: counting words, reading an amount back from
 * the text with its unit, and the self-contradictions issue #16 lists, which no view may show again.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { PreviewModel } from '../../../server/src/protocol/preview';
import type { WhatIfExample } from '../whatIfModels';
import type { PreviewPage } from '../harness/previewPage';

/** One shipped example: its model (recorded, or computed by the editor's session with its what-if answers). */
export interface ViewExample {
  name: string;
  model: PreviewModel;
  run?: WhatIfExample;
}

/** "1 pod", "3 pods". */
export function count(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

export function keyOf(item: { namespace: string; name: string }): string {
  return `${item.namespace}/${item.name}`;
}

const BINARY: Record<string, number> = { B: 1, bytes: 1, Ki: 1024, KiB: 1024, Mi: 1024 ** 2, MiB: 1024 ** 2, Gi: 1024 ** 3, GiB: 1024 ** 3, Ti: 1024 ** 4, TiB: 1024 ** 4 };

export function isBytes(resource: string): boolean {
  return resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-');
}

/** The model's units per shown unit: CPU in cores (the model counts millicores), bytes by binary suffix, counts as they are. */
export function unitSize(resource: string, unit: string | undefined): number {
  if (resource === 'cpu') return unit === 'm' ? 1 : 1000;
  if (!isBytes(resource)) {
    assert.equal(unit ?? '', '', `${resource} is a count, shown without a unit`);
    return 1;
  }
  const size = unit === undefined ? undefined : BINARY[unit];
  assert.ok(size, `${resource} is shown in a binary unit, not "${unit ?? ''}"`);
  return size;
}

/** The binary suffix for the largest of amounts shown side by side (Kubernetes' Gi, Mi…), else bytes. */
export function sharedBinaryUnit(largest: number): string {
  for (const unit of ['Ti', 'Gi', 'Mi', 'Ki']) if (largest >= BINARY[unit]) return unit;
  return 'bytes';
}

/** A number read from the text, in its unit, against the model's amount: equal to its two decimals (or two significant digits for a tiny one). */
export function assertAmount(shown: string, size: number, expected: number, what: string): void {
  const value = Number(shown) * size;
  const tolerance = Math.max(0.005 * size, 0.051 * Math.abs(expected));
  assert.ok(Number.isFinite(value) && Math.abs(value - expected) <= tolerance, `${what}: the view shows ${shown} (× ${size}), the model has ${expected}`);
}

/** The visible text of the whole page (hidden panels and attributes excluded). */
export async function pageText(preview: PreviewPage): Promise<string> {
  return preview.page.locator('body').innerText();
}

export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/**
 * The self-contradictions issue #16 lists: a placed pod of which no node passed the filters; two
 * sentences run together; a stall sentence that starts in lower case; "Step 0 of 0 (1 step)"; a pending
 * count of 0 asking to select one, beside "Every pod found a node".
 */
export function assertNoContradiction(text: string, where: string): void {
  const problems: Array<[RegExp, string]> = [
    [/Placed on \S+[^.]*: 0 nodes passed the filters/, 'a placed pod with 0 nodes passing the filters'],
    [/[a-z0-9)]\s*Placed on /, 'sentences run together before "Placed on"'],
    [/[a-z0-9] +(?:Successfully assigned|The rollout) /, 'sentences run together'],
    [/(?:stalls|pauses) here\. +[a-z]/, 'a sentence after "stalls here." starts in lower case'],
    [/the rollout stalls here\. the rollout stalls/i, 'the stall said twice'],
    [/Step 0 of 0\b/, '"Step 0 of 0"'],
    [/\(1 step\)/, 'a count of steps beside a one-step rollout'],
    [/\b0 pods? (?:pending —|found no node)/, 'no pod pending, yet "select one"'],
  ];
  for (const [pattern, problem] of problems) {
    const match = pattern.exec(text);
    assert.equal(match, null, `${where}: ${problem}: "${match ? text.slice(Math.max(0, match.index - 60), match.index + 80) : ''}"`);
  }
  if (/Every pod found a node/.test(text)) assert.doesNotMatch(text, /pods? pending —|select one to see why/, `${where}: "Every pod found a node" beside a pending count`);
}
