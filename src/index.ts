// newsgraph's library API: extract entities and relations from articles, build, load and query graphs.
export { extract } from './extract.js';
export type { ExtractOptions } from './extract.js';
export { KgError } from './errors.js';
export type { ErrorCode } from './errors.js';
export * from './types.js';
export { buildGraph, loadGraph, saveGraph, parseGraph, serializeGraph, neighbors, findNodes, summarizeGraph, articleKey } from './graph/index.js';
export type { BuildOptions, KgGraph, Neighbor, NeighborsOptions, NeighborsResult, NodeRef, GraphSummary } from './graph/index.js';
export { readArticles, parseHtml, formatProblem } from './ingest/index.js';
export type { Problem, ReadResult, ReadOptions, HtmlArticle } from './ingest/index.js';
export { layoutGraph } from './layout/index.js';
export type { LayoutOptions } from './layout/index.js';
