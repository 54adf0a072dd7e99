/**
 * Runs inside the test page before the preview bundle (a Playwright init script, bundled by
 * previewPage.ts). It plays VS Code's part: `acquireVsCodeApi` recording every posted message and
 * the saved state, the theme variables on <html> and the theme class on <body>, and message delivery.
 * It also records CSP violations and render events, and measures renders for the benchmark.
 *
 * The root tsconfig has no DOM lib (this file is type-checked with the node tests), so the few
 * browser APIs used here are declared below, narrowly, for this module only.
 */

interface StyleTarget {
  style: { setProperty(name: string, value: string): void };
  classList: { add(name: string): void };
  setAttribute(name: string, value: string): void;
  readonly offsetHeight: number;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}
interface BrowserEvent {
  readonly type: string;
  readonly detail?: unknown;
  readonly violatedDirective?: string;
  readonly blockedURI?: string;
}
declare const document: {
  readonly documentElement: StyleTarget | null;
  readonly body: StyleTarget | null;
  addEventListener(type: string, listener: (event: BrowserEvent) => void): void;
  removeEventListener(type: string, listener: (event: BrowserEvent) => void): void;
  querySelector(selector: string): StyleTarget | null;
};
declare const window: {
  acquireVsCodeApi?: () => unknown;
  __drydockHarness?: Harness;
  dispatchEvent(event: unknown): boolean;
};
declare const MessageEvent: new (type: string, init: { data: unknown }) => unknown;
declare const PerformanceObserver: new (callback: (list: { getEntries(): Array<{ duration: number }> }) => void) => { observe(options: { type: string; buffered?: boolean }): void; disconnect(): void };
declare function requestAnimationFrame(callback: (time: number) => void): number;
declare function setTimeout(callback: () => void, ms: number): number;
declare const performance: { now(): number };
declare function structuredClone<T>(value: T): T;

export interface HarnessOptions {
  themeKind: 'light' | 'dark' | 'high-contrast';
  variables: Record<string, string>;
  /** What `getState` returns: the state a previous page saved (window reload / tab switch). */
  initialState: unknown;
}

export interface RenderRecord {
  view: string;
  seq: number;
}

export interface UpdateTiming {
  /** Structured clone of the model, standing in for postMessage's deserialisation. */
  cloneMs: number;
  /** Message handler: indexing and building the DOM of the visible view. */
  scriptMs: number;
  /** Up to the end of style and layout (forced). */
  layoutMs: number;
  /** Up to the next animation frame after that: the first frame that shows the result. */
  frameMs: number;
}

export interface ScrollTiming {
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longTasks: number;
}

export interface Harness {
  posted: unknown[];
  state: unknown;
  acquired: number;
  renders: RenderRecord[];
  cspViolations: string[];
  stash: unknown;
  deliver(message: unknown): void;
  /** Delivers and resolves with the first render that follows (or null after `timeoutMs`). */
  deliverAndWaitForRender(message: unknown, timeoutMs: number): Promise<RenderRecord | null>;
  /** Times an `update` with the stashed model. */
  measureUpdate(): Promise<UpdateTiming>;
  /** Mean interval of `frames` animation frames of the page doing nothing (the machine's baseline). */
  measureIdleFrames(frames: number): Promise<number>;
  /** Times any message: from delivery to the next animation frame, in ms. */
  measureMessage(message: unknown): Promise<number>;
  /**
   * Scrolls `selector` one step per frame and times the frames: `stepPx` per step (a mouse wheel),
   * or with null the whole height in `steps` steps (dragging the scrollbar).
   */
  measureScroll(selector: string, steps: number, stepPx: number | null): Promise<ScrollTiming>;
}

export function install(options: HarnessOptions): void {
  const harness: Harness = {
    posted: [],
    state: options.initialState,
    acquired: 0,
    renders: [],
    cspViolations: [],
    stash: null,
    deliver(message) {
      window.dispatchEvent(new MessageEvent('message', { data: message }));
    },
    deliverAndWaitForRender(message, timeoutMs) {
      return new Promise((resolve) => {
        const onRender = (event: BrowserEvent) => {
          document.removeEventListener('drydock-rendered', onRender);
          resolve(event.detail as RenderRecord);
        };
        document.addEventListener('drydock-rendered', onRender);
        setTimeout(() => {
          document.removeEventListener('drydock-rendered', onRender);
          resolve(null);
        }, timeoutMs);
        harness.deliver(message);
      });
    },
    async measureUpdate() {
      const t0 = performance.now();
      const model = structuredClone(harness.stash);
      const t1 = performance.now();
      harness.deliver({ type: 'update', model });
      const t2 = performance.now();
      void document.body?.offsetHeight;
      const t3 = performance.now();
      await nextFrame();
      const t4 = performance.now();
      return { cloneMs: t1 - t0, scriptMs: t2 - t1, layoutMs: t3 - t1, frameMs: t4 - t1 };
    },
    async measureIdleFrames(frames) {
      const start = await nextFrame();
      let last = start;
      for (let i = 0; i < frames; i++) last = await nextFrame();
      return (last - start) / frames;
    },
    async measureMessage(message) {
      const t0 = performance.now();
      harness.deliver(message);
      void document.body?.offsetHeight;
      await nextFrame();
      return performance.now() - t0;
    },
    async measureScroll(selector, steps, stepPx) {
      const scroller = document.querySelector(selector);
      if (!scroller) throw new Error(`no ${selector}`);
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => {
        longTasks += list.getEntries().length;
      });
      observer.observe({ type: 'longtask' });
      scroller.scrollTop = 0;
      const distance = stepPx === null ? scroller.scrollHeight - scroller.clientHeight : stepPx * steps;
      const frames: number[] = [];
      let last = await nextFrame();
      for (let i = 1; i <= steps; i++) {
        scroller.scrollTop = (distance * i) / steps;
        const now = await nextFrame();
        frames.push(now - last);
        last = now;
      }
      observer.disconnect();
      const sorted = [...frames].sort((a, b) => a - b);
      return {
        frames: frames.length,
        meanFrameMs: frames.reduce((a, b) => a + b, 0) / frames.length,
        p95FrameMs: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
        maxFrameMs: sorted[sorted.length - 1],
        longTasks,
      };
    },
  };
  window.__drydockHarness = harness;
  window.acquireVsCodeApi = () => {
    harness.acquired++;
    if (harness.acquired > 1) throw new Error('acquireVsCodeApi may only be called once per page');
    return {
      postMessage(message: unknown) {
        harness.posted.push(JSON.parse(JSON.stringify(message)));
      },
      getState() {
        return harness.state;
      },
      setState(state: unknown) {
        harness.state = JSON.parse(JSON.stringify(state));
      },
    };
  };
  document.addEventListener('securitypolicyviolation', (event) => {
    harness.cspViolations.push(`${event.violatedDirective ?? '?'} ${event.blockedURI ?? ''}`);
  });
  document.addEventListener('drydock-rendered', (event) => {
    harness.renders.push(event.detail as RenderRecord);
  });
  const applyTheme = () => {
    const html = document.documentElement;
    if (html) for (const [name, value] of Object.entries(options.variables)) html.style.setProperty(name, value);
    const body = document.body;
    if (body) {
      body.classList.add(`vscode-${options.themeKind}`);
      body.setAttribute('data-vscode-theme-kind', `vscode-${options.themeKind}`);
    }
  };
  applyTheme();
  document.addEventListener('DOMContentLoaded', applyTheme);
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}
