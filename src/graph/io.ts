// Graph files: graphology's export() JSON, checked on load and written atomically (temp file + rename).
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { KgError } from '../errors.js';
import { NODE_TYPES, RELATION_TYPES } from '../types.js';
import type { EdgeAttributes, NodeAttributes } from '../types.js';
import type { KgGraph } from './types.js';

const FIX = 'Rebuild it with `kg build <articles> -o FILE`.';

/** Reads and checks a graph file. Throws KgError E_GRAPH_LOAD saying what is wrong and what to do. */
export async function loadGraph(file: string): Promise<KgGraph> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new KgError('E_GRAPH_LOAD', `cannot read graph "${file}": ${why}. Build one with \`kg build <articles> -o ${file}\`.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new KgError('E_GRAPH_LOAD', `"${file}" is not JSON (${(e as Error).message}). ${FIX}`);
  }
  return parseGraph(data, file);
}

/** Checks parsed JSON against the graph format and imports it. `where` names it in messages. */
export function parseGraph(data: unknown, where = 'graph'): KgGraph {
  const bad = (what: string) => new KgError('E_GRAPH_LOAD', `"${where}" is not a newsgraph graph: ${what}. ${FIX}`);
  if (data === null || typeof data !== 'object') throw bad('expected a JSON object');
  const d = data as { nodes?: unknown; edges?: unknown };
  if (!Array.isArray(d.nodes) || !Array.isArray(d.edges)) throw bad('needs "nodes" and "edges" arrays (graphology export format)');
  const nodeKeys = new Set<string>();
  d.nodes.forEach((n: unknown, i) => {
    const node = n as { key?: unknown; attributes?: Partial<NodeAttributes> } | null;
    if (!node || typeof node.key !== 'string') throw bad(`node ${i} has no string "key"`);
    const a = node.attributes;
    if (!a || typeof a.label !== 'string') throw bad(`node "${node.key}" has no "label"`);
    if (!(NODE_TYPES as readonly unknown[]).includes(a.type)) throw bad(`node "${node.key}" has unknown type ${JSON.stringify(a.type)}`);
    if (!Array.isArray(a.aliases) || !Array.isArray(a.articles)) throw bad(`node "${node.key}" lacks "aliases" or "articles" lists`);
    nodeKeys.add(node.key);
  });
  d.edges.forEach((e: unknown, i) => {
    const edge = e as { source?: unknown; target?: unknown; attributes?: Partial<EdgeAttributes> } | null;
    if (!edge || typeof edge.source !== 'string' || typeof edge.target !== 'string') throw bad(`edge ${i} lacks "source" or "target"`);
    if (!nodeKeys.has(edge.source) || !nodeKeys.has(edge.target)) throw bad(`edge ${i} points to a missing node`);
    const a = edge.attributes;
    if (!a || !(RELATION_TYPES as readonly unknown[]).includes(a.type)) throw bad(`edge ${i} has unknown type ${JSON.stringify(a?.type)}`);
    if (!Array.isArray(a.evidence)) throw bad(`edge ${i} has no "evidence" list`);
  });
  const graph: KgGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  try {
    graph.import(data as Parameters<KgGraph['import']>[0]);
  } catch (e) {
    throw bad((e as Error).message);
  }
  return graph;
}

/** The file's text: compact JSON of graph.export() and a final newline. */
export function serializeGraph(graph: KgGraph): string {
  return `${JSON.stringify(graph.export())}\n`;
}

/**
 * Writes a graph atomically: to a temp file beside the target, then renamed over it, so that a reader (or a
 * crash) never sees half a file. Throws KgError E_GRAPH_WRITE.
 */
let saves = 0;

export async function saveGraph(graph: KgGraph, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  // pid and a counter: two saves at once (two processes, or two calls) never share a temp file.
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${saves++}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(serializeGraph(graph));
      // On disk before the rename, so that a crash leaves the old graph or the new one, never an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new KgError('E_GRAPH_WRITE', `cannot write graph "${file}": ${(e as Error).message}. Check that its folder is writable, or pass another -o path.`);
  }
}
