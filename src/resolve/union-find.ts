// Union-find's look-up, shared by coreference inside an article (corefer.ts) and the merge across articles
// (across.ts): each keeps its own parent array and its own rule for joining.

/**
 * The root of i's group in `parent` (parent[root] === root), every index on the way then pointing at it. A loop,
 * not a recursion: V8 inlined a recursive look-up several levels deep into each of the many steps that call it,
 * and a long chain of joins made as deep a call stack.
 */
export function findRoot(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}
