// The Layout control: ForceAtlas2 in a web worker (graphology's supervisor), then noverlap, also in a
// worker, to pull apart nodes that ended on top of each other. The main thread only receives positions,
// so panning, search and the panel stay responsive while it runs.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import NoverlapLayout from 'graphology-layout-noverlap/worker';
import type { VGraph } from './model.js';

/** Above this many nodes FA2 uses the Barnes-Hut approximation (n log n instead of n^2 repulsion). */
export const BARNES_HUT_ABOVE = 2000;
/** noverlap stops after this long even if it has not converged. */
const NOVERLAP_MAX_MS = 4000;

export type LayoutPhase = 'idle' | 'forceatlas2' | 'noverlap';

export class LayoutRunner {
  phase: LayoutPhase = 'idle';
  private fa2: FA2Layout | null = null;
  private nov: NoverlapLayout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private graph: VGraph,
    /** Makes the node radius function (graph units, so noverlap separates discs as drawn); called once per run. */
    private radiusFn: () => (key: string) => number,
    private onPhase: (p: LayoutPhase) => void,
  ) {}

  start(): void {
    if (this.phase !== 'idle') return;
    const settings = { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > BARNES_HUT_ABOVE };
    this.fa2 = new FA2Layout(this.graph, { settings });
    this.fa2.start();
    this.set('forceatlas2');
  }

  /** Stops ForceAtlas2 and runs noverlap; a second stop during noverlap ends it at once. */
  stop(): void {
    if (this.phase === 'forceatlas2') {
      this.fa2?.kill();
      this.fa2 = null;
      const radius = this.radiusFn();
      this.nov = new NoverlapLayout(this.graph, {
        inputReducer: (key, a) => ({ x: a.x, y: a.y, size: radius(key) }),
        settings: { ratio: 1.1, margin: 1 },
        onConverged: () => this.finish(),
      });
      this.nov.start();
      this.set('noverlap');
      this.timer = setTimeout(() => this.finish(), NOVERLAP_MAX_MS);
    } else if (this.phase === 'noverlap') {
      this.finish();
    }
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nov?.kill();
    this.nov = null;
    this.set('idle');
  }

  kill(): void {
    this.fa2?.kill();
    this.fa2 = null;
    this.finish();
  }

  private set(p: LayoutPhase): void {
    this.phase = p;
    this.onPhase(p);
  }
}
