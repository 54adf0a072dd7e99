/** How long one slice of a long job (a big file's validation, a refresh's rules) may hold the event loop before letting other requests in. */
export const SLICE_MS = 8;

/**
 * Runs a step generator on the event loop in slices of about SLICE_MS: as many steps as fit in a
 * slice, then the other requests waiting, then the next slice (`setImmediate`). The first slice runs
 * at once. Resolves with the generator's value; with undefined when `abandoned()` turns true between
 * two slices (the rest of the steps are never run); rejects with what a step throws.
 */
export function inSlices<T>(steps: Generator<undefined, T, undefined>, abandoned: () => boolean): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const slice = (): void => {
      if (abandoned()) {
        resolve(undefined);
        return;
      }
      const deadline = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            resolve(step.value);
            return;
          }
          if (performance.now() >= deadline) {
            setImmediate(slice);
            return;
          }
        }
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    slice();
  });
}
