// Frame timing shared by the viewer and the bare page so both are measured the same way: the time of the
// first frame since navigation, and sigma's own JS time per render (beforeRender -> afterRender).
export interface BenchState {
  /** performance.now() when sigma's constructor returned (it renders the first frame synchronously). */
  firstRender: number;
  /** performance.now() at the next animation frame: the first frame on screen. */
  firstFrame: number | null;
  renders: number[];
  recording: boolean;
}

interface Emitter {
  on(ev: 'beforeRender' | 'afterRender', fn: () => void): unknown;
  getCamera(): { setState(s: { x?: number; y?: number }): unknown; getState(): { x: number; y: number } };
}

export function instrument(sigma: Emitter): BenchState {
  const state: BenchState = { firstRender: performance.now(), firstFrame: null, renders: [], recording: false };
  requestAnimationFrame(() => {
    state.firstFrame = performance.now();
  });
  let t0 = 0;
  sigma.on('beforeRender', () => {
    t0 = performance.now();
  });
  sigma.on('afterRender', () => {
    if (state.recording) state.renders.push(performance.now() - t0);
  });
  (window as unknown as { __bench: BenchState; __benchSigma: Emitter }).__bench = state;
  (window as unknown as { __benchSigma: Emitter }).__benchSigma = sigma;
  return state;
}
