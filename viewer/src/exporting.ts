// Exports of what is on screen: the visible subgraph as graphology export() JSON (loadable again by the
// viewer and by `kg neighbors`) or as GEXF 1.3 for Gephi, and a PNG of the current view.
import type { VGraph } from './model.js';

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: string; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

/** Drops viewer-only attributes (prefixed "_"). */
function clean(a: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) if (!k.startsWith('_')) out[k] = v;
  return out;
}

export function subgraphExport(graph: VGraph, nodes: Set<string>, edges: Set<string>): SerializedGraph {
  const out: SerializedGraph = {
    attributes: { ...graph.getAttributes() },
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    nodes: [],
    edges: [],
  };
  graph.forEachNode((k, a) => {
    if (nodes.has(k)) out.nodes.push({ key: k, attributes: clean(a) });
  });
  graph.forEachEdge((k, a, s, t) => {
    if (edges.has(k) && nodes.has(s) && nodes.has(t)) out.edges.push({ key: k, source: s, target: t, attributes: clean(a) });
  });
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** GEXF 1.3 with the attributes Gephi can filter on; evidence is summarised as its first sentence. */
export function toGexf(g: SerializedGraph, colors: Record<string, string>): string {
  const lines: string[] = [];
  lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  lines.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
  lines.push('  <meta><creator>newsgraph viewer</creator></meta>');
  lines.push(`  <graph defaultedgetype="directed" mode="static">`);
  lines.push('    <attributes class="node">');
  lines.push('      <attribute id="type" title="type" type="string"/>');
  lines.push('      <attribute id="mentions" title="mentions" type="integer"/>');
  lines.push('      <attribute id="aliases" title="aliases" type="string"/>');
  lines.push('    </attributes>');
  lines.push('    <attributes class="edge">');
  lines.push('      <attribute id="type" title="type" type="string"/>');
  lines.push('      <attribute id="modality" title="modality" type="string"/>');
  lines.push('      <attribute id="evidence" title="evidence" type="string"/>');
  lines.push('    </attributes>');
  lines.push('    <nodes>');
  for (const n of g.nodes) {
    const a = n.attributes;
    const c = colors[String(a.type)] ?? '#777777';
    const [r, gg, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    lines.push(`      <node id="${esc(n.key)}" label="${esc(String(a.label ?? n.key))}">`);
    lines.push('        <attvalues>');
    lines.push(`          <attvalue for="type" value="${esc(String(a.type ?? ''))}"/>`);
    lines.push(`          <attvalue for="mentions" value="${Number(a.mentions ?? 0)}"/>`);
    lines.push(`          <attvalue for="aliases" value="${esc(((a.aliases as string[] | undefined) ?? []).join('|'))}"/>`);
    lines.push('        </attvalues>');
    lines.push(`        <viz:position x="${Number(a.x ?? 0)}" y="${Number(a.y ?? 0)}" z="0"/>`);
    lines.push(`        <viz:color r="${r}" g="${gg}" b="${b}"/>`);
    lines.push('      </node>');
  }
  lines.push('    </nodes>');
  lines.push('    <edges>');
  for (const e of g.edges) {
    const a = e.attributes;
    const ev = (a.evidence as { text?: string }[] | undefined)?.[0]?.text ?? '';
    lines.push(`      <edge id="${esc(e.key)}" source="${esc(e.source)}" target="${esc(e.target)}" label="${esc(String(a.type ?? ''))}" weight="${Number(a.weight ?? 1)}">`);
    lines.push('        <attvalues>');
    lines.push(`          <attvalue for="type" value="${esc(String(a.type ?? ''))}"/>`);
    if (a.modality) lines.push(`          <attvalue for="modality" value="${esc(String(a.modality))}"/>`);
    lines.push(`          <attvalue for="evidence" value="${esc(ev)}"/>`);
    lines.push('        </attvalues>');
    lines.push('      </edge>');
  }
  lines.push('    </edges>');
  lines.push('  </graph>');
  lines.push('</gexf>');
  return lines.join('\n') + '\n';
}

/**
 * Copies the WebGL stage onto a white 2D canvas. WebGL drops its buffer after compositing, so the copy
 * is taken inside sigma's afterRender, while the frame is still there. Labels are WebGL too in sigma 4.
 */
export function capturePng(
  sigma: { once(ev: 'afterRender', fn: () => void): unknown; refresh(): unknown; getStageCanvas(): HTMLCanvasElement },
): Promise<Blob> {
  return new Promise((resolve, reject) => {
    sigma.once('afterRender', () => {
      const src = sigma.getStageCanvas();
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d');
      if (!ctx) return reject(new Error('no 2D canvas'));
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(src, 0, 0);
      c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    });
    sigma.refresh();
  });
}
