// Turns a graph JSON text into a graphology graph, or says clearly why it is not one of ours.
// Validation is done before anything on screen changes, so a bad file never replaces the last good graph.
import Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';

/** Node attributes in the viewer: the file's, plus derived values prefixed "_" (stripped on export). */
export type VNode = NodeAttributes & { _degree: number };
export type VEdge = EdgeAttributes;
export type VGraph = Graph<VNode, VEdge>;

export class GraphFileError extends Error {}

interface Exported {
  nodes: { key: unknown; attributes?: Record<string, unknown> }[];
  edges: { key?: unknown; source: unknown; target: unknown; attributes?: Record<string, unknown> }[];
  options?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
}

function isExported(x: unknown): x is Exported {
  return typeof x === 'object' && x !== null && Array.isArray((x as Exported).nodes) && Array.isArray((x as Exported).edges);
}

/** Parses and checks a graphology export() text; `name` is the file or URL, used in messages. */
export function parseGraph(text: string, name: string): VGraph {
  let data: unknown;
  performance.mark('kg:fetched');
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new GraphFileError(`${name} is not JSON (${(e as Error).message}). Open a graph written by "kg build".`);
  }
  performance.mark('kg:json');
  if (!isExported(data)) {
    throw new GraphFileError(`${name} is JSON but not a graph: it needs "nodes" and "edges" arrays (graphology export). Open a graph written by "kg build".`);
  }
  // Checked and completed in place, then handed to graphology's import() in one go: per-item addNode calls
  // cost about as much again as the import itself at 20k nodes.
  const keys = new Map<string, Record<string, unknown>>();
  data.nodes.forEach((n, i) => {
    if (typeof n.key !== 'string' && typeof n.key !== 'number') throw new GraphFileError(`${name}: node ${i} has no key.`);
    const key = String(n.key);
    const a = (n.attributes ??= {});
    if (typeof a.x !== 'number' || typeof a.y !== 'number' || !Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      throw new GraphFileError(`${name}: node "${key}" has no x/y position. Build the graph with "kg build", which lays it out.`);
    }
    if (keys.has(key)) throw new GraphFileError(`${name}: node "${key}" appears twice.`);
    n.key = key;
    if (typeof a.label !== 'string') a.label = key;
    if (typeof a.type !== 'string') a.type = 'unknown';
    if (!Array.isArray(a.aliases)) a.aliases = [];
    if (typeof a.mentions !== 'number') a.mentions = 0;
    if (!Array.isArray(a.articles)) a.articles = [];
    a._degree = 0;
    keys.set(key, a);
  });
  data.edges.forEach((e, i) => {
    const s = String(e.source);
    const t = String(e.target);
    const sa = keys.get(s);
    const ta = keys.get(t);
    if (!sa || !ta) throw new GraphFileError(`${name}: edge ${i} joins "${s}" and "${t}", but one of them is not a node.`);
    e.source = s;
    e.target = t;
    const a = (e.attributes ??= {});
    if (typeof a.type !== 'string') a.type = 'unknown';
    if (typeof a.weight !== 'number') a.weight = 1;
    if (!Array.isArray(a.evidence)) a.evidence = [];
    if (s !== t) {
      (sa._degree as number)++;
      (ta._degree as number)++;
    }
  });
  const graph: VGraph = new Graph<VNode, VEdge>({ type: 'directed', multi: true, allowSelfLoops: true });
  try {
    graph.import({ nodes: data.nodes, edges: data.edges } as unknown as Parameters<VGraph['import']>[0]);
  } catch (e) {
    throw new GraphFileError(`${name}: not a graph this viewer can open (${(e as Error).message}).`);
  }
  return graph;
}

/** Loads a graph from a URL (relative to the page). */
export async function fetchGraph(url: string): Promise<VGraph> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new GraphFileError(`Could not fetch ${url}: ${(e as Error).message}.`);
  }
  if (!res.ok) {
    throw new GraphFileError(`Could not load ${url} (HTTP ${res.status}). Build one with "npx kg build examples -o graphs/sample.json" or open a file.`);
  }
  performance.mark('kg:response');
  return parseGraph(await res.text(), url);
}

/** Article nodes are keyed "article:<id>"; evidence names the id. */
export function articleOf(graph: VGraph, id: string): VNode | undefined {
  const k = `article:${id}`;
  return graph.hasNode(k) ? graph.getNodeAttributes(k) : undefined;
}
