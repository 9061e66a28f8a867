// Positions for the viewer: ForceAtlas2 from seeded starting points, so the same graph always gets the same x, y.
import type { AbstractGraph, Attributes } from 'graphology-types';
import fa2 from 'graphology-layout-forceatlas2';

// A CommonJS package: at run time the default import is the layout function that its types call `default`.
const forceAtlas2 = fa2 as unknown as typeof fa2.default;

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default scaled to the graph's size. */
  iterations?: number;
  /** Decimals kept in x and y, so that float noise never reaches the file. */
  decimals?: number;
}

/**
 * Iterations that settle small graphs (500) and keep big ones to a few seconds: a budget of node and edge
 * visits, never under 50 (the viewer can run ForceAtlas2 further on demand).
 */
export function defaultIterations(order: number, size = 0): number {
  return Math.max(50, Math.min(500, Math.round(1.5e6 / (order + size + 1))));
}

/** 32-bit FNV-1a: a stable hash of a node key (Math.random would make every build differ). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A starting point for a node, spread over a square that grows with the graph. */
export function seedPosition(key: string, order: number): { x: number; y: number } {
  const h = hash32(key);
  const h2 = hash32(`${key}\u0000y`);
  const side = 10 * Math.sqrt(order + 1);
  return { x: ((h / 0xffffffff) * 2 - 1) * side, y: ((h2 / 0xffffffff) * 2 - 1) * side };
}

/**
 * Lays the graph out in place: nodes without finite x, y get a seeded position, ForceAtlas2 runs a fixed
 * number of iterations, and positions are rounded.
 */
export function layoutGraph<N extends Attributes, E extends Attributes>(graph: AbstractGraph<N, E>, options: LayoutOptions = {}): void {
  const order = graph.order;
  if (order === 0) return;
  graph.forEachNode((key, a) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      const p = seedPosition(key, order);
      graph.mergeNodeAttributes(key, p as unknown as Partial<N>);
    }
  });
  if (graph.size > 0) {
    const iterations = options.iterations ?? defaultIterations(order, graph.size);
    forceAtlas2.assign(graph, { iterations, settings: forceAtlas2.inferSettings(order), getEdgeWeight: 'weight' });
  }
  const f = 10 ** (options.decimals ?? 2);
  graph.forEachNode((key, a) => {
    // `+ 0` turns -0 into 0, which JSON would otherwise write as 0 anyway but compare unequal in tests.
    graph.mergeNodeAttributes(key, { x: Math.round((a.x as number) * f) / f + 0, y: Math.round((a.y as number) * f) / f + 0 } as unknown as Partial<N>);
  });
}
