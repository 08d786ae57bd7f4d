/**
 * Cooperative scheduling on the page's main thread: work runs in slices short enough that the
 * page stays responsive (no task over 50 ms, the long-task threshold), urgent slices right away,
 * the rest when the browser is idle.
 */

/** Time one slice may take. Well under the 50 ms long-task threshold, leaving room for a frame. */
export const SLICE_MS = 8;

export type Cancel = () => void;

/** Runs `task` as soon as possible in a new task (not a microtask), so rendering can happen. */
export function runSoon(task: () => void): Cancel {
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/** Runs `task` when the browser is idle, or after `timeoutMs` at the latest. */
export function runWhenIdle(task: () => void, timeoutMs = 500): Cancel {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback; a short delay approximates "after the current work".
  const id = setTimeout(task, 16);
  return () => clearTimeout(id);
}

/** How long `afterNextFrame` waits for a frame that may never come (a tab in the background). */
const FRAME_WAIT_MS = 100;

/**
 * Runs `task` once the next frame has been drawn, so what it reads of styles and layout is
 * already computed instead of being forced inside our own task; where no frame comes within
 * FRAME_WAIT_MS (a hidden tab draws none), it runs then.
 */
export function afterNextFrame(task: () => void): Cancel {
  let done = false;
  let timer = 0;
  const finish = () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
  const run = () => {
    if (done) return;
    finish();
    task();
  };
  // A timeout queued from the frame callback runs once that frame is drawn.
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(run, 0);
  });
  const fallback = window.setTimeout(run, FRAME_WAIT_MS);
  return finish;
}
