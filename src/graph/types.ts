// The graph type of newsgraph: graphology's MultiDirectedGraph with our node and edge attributes.
import type { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../types.js';

export type KgGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** The key of the node of an article. */
export function articleKey(id: string): string {
  return `article:${id}`;
}
