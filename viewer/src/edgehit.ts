// Which edge is under the pointer, found by geometry on the CPU instead of by sigma's edge picking.
//
// Why: with `enableEdgeEvents`, sigma draws every edge a second time, into its picking buffer, on every frame;
// that pass was about 40% of sigma's JS time per frame while panning a 2,000-node graph, and it buys nothing
// while the camera moves. Here the cost is paid only when the pointer rests or clicks on the stage: one pass
// over the visible edges (straight segments, and sigma's quadratic curves for parallel edges).
import type { VGraph } from './model.js';

/** The parts of sigma this needs (kept narrow so tests can stub it). */
export interface EdgeHitRenderer {
  getNodeDisplayData(key: string): { x: number; y: number } | undefined;
  getEdgeDisplayData(key: string): { size: number; curvature?: number } | undefined;
  framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
  viewportToFramedGraph(p: { x: number; y: number }): { x: number; y: number };
}

/** Pixels beyond an edge's half width that still count as on it. */
const TOLERANCE_PX = 4;
/** Straight pieces a curved edge is cut into (sigma draws 16 too). */
const CURVE_STEPS = 16;

export class EdgeHitTester {
  private keys: string[] = [];
  private source = new Int32Array(0);
  private target = new Int32Array(0);
  /** Edges that share their two ends with another edge: sigma curves those. */
  private parallel: boolean[] = [];
  private nodeIndex = new Map<string, number>();
  /** Node positions in sigma's framed-graph space; refreshed after a render. */
  private xy = new Float64Array(0);
  private stale = true;

  constructor(
    graph: VGraph,
    private renderer: EdgeHitRenderer,
  ) {
    graph.forEachNode((k) => this.nodeIndex.set(k, this.nodeIndex.size));
    const n = graph.size;
    this.source = new Int32Array(n);
    this.target = new Int32Array(n);
    const pairOf: string[] = [];
    const count = new Map<string, number>();
    graph.forEachEdge((k, _a, s, t) => {
      this.source[this.keys.length] = this.nodeIndex.get(s)!;
      this.target[this.keys.length] = this.nodeIndex.get(t)!;
      this.keys.push(k);
      const pair = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      pairOf.push(pair);
      count.set(pair, (count.get(pair) ?? 0) + 1);
    });
    this.parallel = pairOf.map((pair) => count.get(pair)! > 1);
    this.xy = new Float64Array(this.nodeIndex.size * 2);
  }

  /** Node positions or the camera changed (sigma rendered a frame). */
  invalidate(): void {
    this.stale = true;
  }

  /** The visible edge nearest to viewport point (x, y) within its width plus a few pixels, or null. */
  edgeAt(x: number, y: number, isVisible: (key: string) => boolean): string | null {
    if (this.stale) this.refresh();
    const r = this.renderer;
    const p = r.viewportToFramedGraph({ x, y });
    const q = r.viewportToFramedGraph({ x: x + 1, y });
    const unit = Math.hypot(q.x - p.x, q.y - p.y); // framed-graph units per pixel
    let best: string | null = null;
    let bestD = Infinity;
    const xy = this.xy;
    for (let i = 0; i < this.keys.length; i++) {
      const s = this.source[i]!;
      const t = this.target[i]!;
      if (s === t) continue; // loops are rare and small: sigma's node picking covers their node
      const ax = xy[2 * s]!;
      const ay = xy[2 * s + 1]!;
      const bx = xy[2 * t]!;
      const by = xy[2 * t + 1]!;
      const len = Math.hypot(bx - ax, by - ay);
      // Broad phase: a curve stays within a quarter of its length of the chord; sizes stay under 8 px.
      const reach = (this.parallel[i] ? len * 0.5 : 0) + (TOLERANCE_PX + 8) * unit;
      if (p.x < Math.min(ax, bx) - reach || p.x > Math.max(ax, bx) + reach) continue;
      if (p.y < Math.min(ay, by) - reach || p.y > Math.max(ay, by) + reach) continue;
      const key = this.keys[i]!;
      if (!isVisible(key)) continue;
      const d = r.getEdgeDisplayData(key);
      if (!d) continue;
      const curvature = this.parallel[i] ? (d.curvature ?? 0) : 0;
      const dist = curvature === 0 ? segmentDistance(p.x, p.y, ax, ay, bx, by) : curveDistance(p.x, p.y, ax, ay, bx, by, curvature);
      const limit = (d.size / 2 + TOLERANCE_PX) * unit;
      if (dist <= limit && dist < bestD) {
        best = key;
        bestD = dist;
      }
    }
    return best;
  }

  private refresh(): void {
    for (const [k, i] of this.nodeIndex) {
      const d = this.renderer.getNodeDisplayData(k);
      this.xy[2 * i] = d?.x ?? NaN;
      this.xy[2 * i + 1] = d?.y ?? NaN;
    }
    this.stale = false;
  }
}

export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance to sigma's curved path: a quadratic Bézier whose control point stands off the chord's midpoint. */
export function curveDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number, curvature: number): number {
  const cx = (ax + bx) / 2 - (by - ay) * curvature;
  const cy = (ay + by) / 2 + (bx - ax) * curvature;
  let best = Infinity;
  let x0 = ax;
  let y0 = ay;
  for (let k = 1; k <= CURVE_STEPS; k++) {
    const t = k / CURVE_STEPS;
    const u = 1 - t;
    const x1 = u * u * ax + 2 * u * t * cx + t * t * bx;
    const y1 = u * u * ay + 2 * u * t * cy + t * t * by;
    best = Math.min(best, segmentDistance(px, py, x0, y0, x1, y1));
    x0 = x1;
    y0 = y1;
  }
  return best;
}
