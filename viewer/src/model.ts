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
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new GraphFileError(`${name} is not JSON (${(e as Error).message}). Open a graph written by "kg build".`);
  }
  if (!isExported(data)) {
    throw new GraphFileError(`${name} is JSON but not a graph: it needs "nodes" and "edges" arrays (graphology export). Open a graph written by "kg build".`);
  }
  const graph: VGraph = new Graph<VNode, VEdge>({ type: 'directed', multi: true, allowSelfLoops: true });
  data.nodes.forEach((n, i) => {
    const a = (n.attributes ?? {}) as Partial<NodeAttributes>;
    if (typeof n.key !== 'string' && typeof n.key !== 'number') throw new GraphFileError(`${name}: node ${i} has no key.`);
    if (typeof a.x !== 'number' || typeof a.y !== 'number' || !Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      throw new GraphFileError(`${name}: node "${String(n.key)}" has no x/y position. Build the graph with "kg build", which lays it out.`);
    }
    if (graph.hasNode(String(n.key))) throw new GraphFileError(`${name}: node "${String(n.key)}" appears twice.`);
    graph.addNode(String(n.key), {
      ...(a as NodeAttributes),
      label: typeof a.label === 'string' ? a.label : String(n.key),
      type: a.type ?? ('unknown' as NodeAttributes['type']),
      aliases: Array.isArray(a.aliases) ? a.aliases : [],
      mentions: typeof a.mentions === 'number' ? a.mentions : 0,
      articles: Array.isArray(a.articles) ? a.articles : [],
      _degree: 0,
    });
  });
  data.edges.forEach((e, i) => {
    const s = String(e.source);
    const t = String(e.target);
    if (!graph.hasNode(s) || !graph.hasNode(t)) throw new GraphFileError(`${name}: edge ${i} joins "${s}" and "${t}", but one of them is not a node.`);
    const a = (e.attributes ?? {}) as Partial<EdgeAttributes>;
    const attrs: VEdge = { ...(a as EdgeAttributes), type: a.type ?? ('unknown' as EdgeAttributes['type']), weight: a.weight ?? 1, evidence: Array.isArray(a.evidence) ? a.evidence : [] };
    if (e.key !== undefined && e.key !== null && !graph.hasEdge(String(e.key))) graph.addEdgeWithKey(String(e.key), s, t, attrs);
    else graph.addEdge(s, t, attrs);
  });
  graph.forEachNode((k) => graph.setNodeAttribute(k, '_degree', graph.degreeWithoutSelfLoops(k)));
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
  return parseGraph(await res.text(), url);
}

/** Article nodes are keyed "article:<id>"; evidence names the id. */
export function articleOf(graph: VGraph, id: string): VNode | undefined {
  const k = `article:${id}`;
  return graph.hasNode(k) ? graph.getNodeAttributes(k) : undefined;
}
