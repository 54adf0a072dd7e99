/**
 * `run` at the next animation frame, once however many times it was asked for before then (a burst
 * of scroll events draws one frame). Returns the function that asks.
 */
export function onNextFrame(run: () => void): () => void {
  let requested = false;
  return () => {
    if (requested) return;
    requested = true;
    requestAnimationFrame(() => {
      requested = false;
      run();
    });
  };
}
