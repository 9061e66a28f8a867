// Entity resolution: which mentions name the same entity, within an article (corefer) and across articles
// (resolveAcross). Anaphora ("he", "the two", "the minister") are resolved where relations need them.
export { corefer, roleName } from './corefer.js';
export type { Coreference } from './corefer.js';
export { resolveAcross } from './across.js';
export type { GlobalEntity, Resolution } from './across.js';
