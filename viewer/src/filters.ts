// Which nodes and edges the current filters leave visible. Pure: it reads the graph and returns key sets;
// main.ts turns the difference into sigma item state (isHidden), so nothing is rebuilt when a filter changes.
import type { VGraph } from './model.js';

export interface Filters {
  /** Node types shown (entity types and "article"). */
  nodeTypes: Set<string>;
  /** Relation types shown. */
  relations: Set<string>;
  /** Modalities shown; an edge without one counts as "occurred". */
  modalities: Set<string>;
  minDegree: number;
  minMentions: number;
  /** Inclusive ISO dates (YYYY-MM-DD) or "" for open ends. */
  dateFrom: string;
  dateTo: string;
  /** Ego filter: keep this node and its neighbours up to `depth` hops (through visible edges). */
  ego: string | null;
  depth: number;
}

export function defaultFilters(graph: VGraph): Filters {
  const nodeTypes = new Set<string>();
  const relations = new Set<string>();
  const modalities = new Set<string>(['occurred']);
  graph.forEachNode((_k, a) => nodeTypes.add(a.type));
  graph.forEachEdge((_k, a) => {
    relations.add(a.type);
    if (a.modality) modalities.add(a.modality);
  });
  return { nodeTypes, relations, modalities, minDegree: 0, minMentions: 0, dateFrom: '', dateTo: '', ego: null, depth: 1 };
}

/** A copy of `f` that can be changed without touching `f` (the sets are copied too). */
export function copyFilters(f: Filters): Filters {
  return { ...f, nodeTypes: new Set(f.nodeTypes), relations: new Set(f.relations), modalities: new Set(f.modalities) };
}

/** Dates of the articles the graph holds, by article id (article nodes carry `date`). */
export function articleDates(graph: VGraph): Map<string, string> {
  const dates = new Map<string, string>();
  graph.forEachNode((k, a) => {
    if (a.type === 'article' && typeof a.date === 'string' && a.date) dates.set(k.startsWith('article:') ? k.slice(8) : k, a.date.slice(0, 10));
  });
  return dates;
}

function inRange(d: string, f: Filters): boolean {
  return (!f.dateFrom || d >= f.dateFrom) && (!f.dateTo || d <= f.dateTo);
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

export function computeVisibility(graph: VGraph, f: Filters, dates: Map<string, string> = articleDates(graph)): Visibility {
  const dated = (f.dateFrom || f.dateTo) && dates.size > 0;
  const nodes = new Set<string>();
  graph.forEachNode((k, a) => {
    if (!f.nodeTypes.has(a.type)) return;
    if (a._degree < f.minDegree || a.mentions < f.minMentions) return;
    if (dated) {
      // A node stays when one of its dated articles falls in range; undated nodes are not judged by date.
      const own = a.type === 'article' ? [k.startsWith('article:') ? k.slice(8) : k] : a.articles;
      const ds = own.map((id) => dates.get(id)).filter((d): d is string => d !== undefined);
      if (ds.length > 0 && !ds.some((d) => inRange(d, f))) return;
    }
    nodes.add(k);
  });
  const edges = new Set<string>();
  graph.forEachEdge((k, a, s, t) => {
    if (!nodes.has(s) || !nodes.has(t)) return;
    if (!f.relations.has(a.type)) return;
    if (!f.modalities.has(a.modality ?? 'occurred')) return;
    if (dated) {
      const ds = [a.date, ...a.evidence.map((e) => dates.get(e.article))].filter((d): d is string => !!d).map((d) => d.slice(0, 10));
      if (ds.length > 0 && !ds.some((d) => inRange(d, f))) return;
    }
    edges.add(k);
  });
  if (f.ego && graph.hasNode(f.ego)) {
    // Breadth-first over visible edges, both directions: "this node and its neighbours up to depth N".
    const keep = new Set<string>([f.ego]);
    let frontier = [f.ego];
    for (let d = 0; d < f.depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const n of frontier) {
        graph.forEachEdge(n, (e, _a, s, t) => {
          if (!edges.has(e)) return;
          const o = s === n ? t : s;
          if (!keep.has(o)) {
            keep.add(o);
            next.push(o);
          }
        });
      }
      frontier = next;
    }
    keep.add(f.ego);
    for (const n of [...nodes]) if (!keep.has(n)) nodes.delete(n);
    if (!nodes.has(f.ego)) nodes.add(f.ego); // the ego itself stays visible even if another filter hides it
    for (const e of [...edges]) if (!nodes.has(graph.source(e)) || !nodes.has(graph.target(e))) edges.delete(e);
  }
  return { nodes, edges };
}
