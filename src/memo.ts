// Caching for pure functions of one string: coreference and role finding ask for the same names' forms
// (normalized, cleaned, split) many times per article, and the same names recur across articles.

/**
 * `fn` with its results kept by argument. The cache starts over once it holds `limit` strings, so a long run
 * stays within bounded memory; results never depend on what was cached, since `fn` is pure.
 */
export function memoize<T>(fn: (s: string) => T, limit = 1 << 17): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= limit) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

/** `memoize` for functions of a kind (an entity type, say) and a string: one cache per kind. */
export function memoizeByKind<T>(fn: (kind: string, s: string) => T): (kind: string, s: string) => T {
  const byKind = new Map<string, (s: string) => T>();
  return (kind, s) => {
    let f = byKind.get(kind);
    if (!f) byKind.set(kind, (f = memoize((x) => fn(kind, x))));
    return f(s);
  };
}
