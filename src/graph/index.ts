// The graph stage: build a graph from articles, read and write graph files, query neighbors.
export { buildGraph, edgeKey } from './build.js';
export type { BuildOptions } from './build.js';
export { loadGraph, parseGraph, saveGraph, serializeGraph } from './io.js';
export { findNodes, neighbors, normalizeName, suggestNames } from './neighbors.js';
export type { Neighbor, NeighborsOptions, NeighborsResult, NodeRef } from './neighbors.js';
export { summarizeGraph } from './summary.js';
export type { GraphSummary } from './summary.js';
export { articleKey } from './types.js';
export type { KgGraph } from './types.js';
