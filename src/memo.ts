// Caching for pure functions of one string: coreference and role finding ask for the same names' forms
// (normalized, cleaned, split) many times per article, and the same names recur across articles.

/** Stands in the cache for a result of `undefined`, so that a hit costs one look-up, not a `get` and a `has`. */
const NONE: unique symbol = Symbol('memo.none');

/**
 * `fn` with its results kept by argument. The cache starts over once it holds `limit` strings, so a long run
 * stays within bounded memory; results never depend on what was cached, since `fn` is pure.
 */
export function memoize<T>(fn: (s: string) => T, limit = 1 << 17): (s: string) => T {
  let cache = new Map<string, T | typeof NONE>();
  return (s) => {
    const v = cache.get(s);
    if (v !== undefined) return v === NONE ? (undefined as T) : v;
    if (cache.size >= limit) cache = new Map();
    const r = fn(s);
    cache.set(s, r === undefined ? NONE : r);
    return r;
  };
}

/** `memoize` for functions of a kind (an entity type, say) and a string: one cache per kind. */
export function memoizeByKind<T>(fn: (kind: string, s: string) => T, limit = 1 << 17): (kind: string, s: string) => T {
  // The kinds are few: a short list finds a kind's cache faster than a Map would. The look-up is `memoize`'s,
  // written out here: one call per hit, not a second through a per-kind function.
  const kinds: string[] = [];
  const caches: Map<string, T | typeof NONE>[] = [];
  return (kind, s) => {
    let k = kinds.indexOf(kind);
    if (k < 0) k = kinds.push(kind) - 1;
    let cache = caches[k] ?? (caches[k] = new Map());
    const v = cache.get(s);
    if (v !== undefined) return v === NONE ? (undefined as T) : v;
    if (cache.size >= limit) caches[k] = cache = new Map();
    const r = fn(kind, s);
    cache.set(s, r === undefined ? NONE : r);
    return r;
  };
}
