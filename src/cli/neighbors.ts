// `kg neighbors`: an entity's neighbors from a graph file, as a table or JSON.
import { KgError } from '../errors.js';
import { loadGraph, neighbors } from '../graph/index.js';
import type { NodeRef } from '../graph/index.js';

export interface NeighborsFlags {
  relation?: string;
  json?: boolean;
}

export async function neighborsCommand(graphPath: string, name: string, flags: NeighborsFlags): Promise<number> {
  const graph = await loadGraph(graphPath);
  let result;
  try {
    result = neighbors(graph, name, flags.relation !== undefined ? { relation: flags.relation } : {});
  } catch (e) {
    if (e instanceof KgError && e.code === 'E_AMBIGUOUS') {
      const { candidates } = e.details as { candidates: NodeRef[] };
      const rows = candidates.map((c) => `  ${c.type.padEnd(12)} ${c.label.padEnd(30)} key: ${c.key}`);
      throw new KgError('E_AMBIGUOUS', `${e.message}\n${rows.join('\n')}\n  e.g. kg neighbors ${graphPath} ${JSON.stringify(candidates[0]!.key)}`, e.details);
    }
    throw e;
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const { node, neighbors: list } = result;
  const aliases = node.aliases.length ? ` (also ${node.aliases.join(', ')})` : '';
  const lines = [`${node.label} [${node.type}]${aliases}, in ${node.articles.length} article${node.articles.length === 1 ? '' : 's'}`];
  if (list.length === 0) lines.push(`  no ${flags.relation ?? 'relations'} in this graph`);
  const arrow = { out: '->', in: '<-', both: '--' } as const;
  for (const n of list) {
    const mod = n.modality ? ` (${n.modality})` : '';
    const where = [n.place && `in ${n.place}`, n.date && `on ${n.date}`].filter(Boolean).join(' ');
    lines.push(`  ${n.relation}${mod} ${arrow[n.direction]} ${n.label} [${n.type}]  ${n.articles} article${n.articles === 1 ? '' : 's'}${where ? `  (${where})` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
