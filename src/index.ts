// newsgraph's library API: extract entities and relations from articles, build, load and query graphs.
export { extract } from './extract.js';
export type { ExtractOptions } from './extract.js';
export { KgError } from './errors.js';
export type { ErrorCode } from './errors.js';
export * from './types.js';
