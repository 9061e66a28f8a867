// Counts for the build summary: nodes by type and edges by relation type.
import type { KgGraph } from './types.js';

export interface GraphSummary {
  articles: number;
  entities: Record<string, number>;
  relations: Record<string, number>;
  nodes: number;
  edges: number;
}

export function summarizeGraph(graph: KgGraph): GraphSummary {
  const entities: Record<string, number> = {};
  const relations: Record<string, number> = {};
  let articles = 0;
  graph.forEachNode((_k, a) => {
    if (a.type === 'article') articles++;
    else entities[a.type] = (entities[a.type] ?? 0) + 1;
  });
  graph.forEachEdge((_k, a) => {
    relations[a.type] = (relations[a.type] ?? 0) + 1;
  });
  return { articles, entities, relations, nodes: graph.order, edges: graph.size };
}
