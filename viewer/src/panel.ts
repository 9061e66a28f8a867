// The side panel: what a node is, why its names were merged, its roles, and every relation with the
// sentence that supports it and the article it came from. Clicking an edge shows the same evidence block.
import type { Evidence } from '../../src/types.js';
import { h } from './dom.js';
import { evidencePieces } from './evidence.js';
import { articleOf, type VGraph } from './model.js';
import { NODE_TYPE_LABEL, RELATION_LABEL } from './palette.js';

/** Relations listed per type before "and N more" (an article hub can have thousands). */
const PER_TYPE = 40;
/** Evidence sentences shown per relation. */
const PER_EDGE = 3;
/** Panel order of relation groups: the ones a reader came for first, bare co-mentions last. */
const ORDER = ['met_with', 'holds_role', 'reported_by', 'said', 'affiliated_with', 'credited_to', 'located_in', 'mentions'];
const rank = (t: string) => (ORDER.indexOf(t) < 0 ? ORDER.length - 1 : ORDER.indexOf(t));

export interface PanelActions {
  pickNode(key: string): void;
  pickEdge(key: string): void;
}

function typeLabel(t: string): string {
  return (NODE_TYPE_LABEL as Record<string, string>)[t] ?? t;
}
function relLabel(t: string): string {
  return (RELATION_LABEL as Record<string, string>)[t] ?? t.replace(/_/g, ' ');
}

function articleLine(graph: VGraph, ev: Evidence): HTMLElement {
  const a = articleOf(graph, ev.article);
  const parts: (string | Node)[] = [];
  parts.push(a?.title ?? a?.label ?? `article ${ev.article}`);
  const meta = [a?.outlet, a?.date].filter(Boolean).join(', ');
  if (meta) parts.push(` — ${meta}`);
  if (a?.url) {
    parts.push(' ');
    parts.push(h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, 'link'));
  }
  return h('cite', { class: 'article' }, ...parts);
}

export function evidenceBlock(graph: VGraph, ev: Evidence): HTMLElement {
  const pieces = evidencePieces(ev).map((p) =>
    p.kind === 'text' ? p.text : h(p.kind === 'cue' ? 'em' : 'mark', { class: p.kind }, p.text),
  );
  return h('figure', { class: 'evidence' }, h('blockquote', {}, ...pieces), h('figcaption', {}, articleLine(graph, ev)));
}

function evidenceList(graph: VGraph, evidence: Evidence[], limit: number): HTMLElement[] {
  const out = evidence.slice(0, limit).map((ev) => evidenceBlock(graph, ev));
  if (evidence.length > limit) out.push(h('p', { class: 'more' }, `and ${evidence.length - limit} more sentences`));
  return out;
}

function nodeButton(graph: VGraph, key: string, act: PanelActions): HTMLElement {
  const a = graph.getNodeAttributes(key);
  const b = h('button', { type: 'button', class: 'link', 'data-node': key }, a.label);
  b.addEventListener('click', () => act.pickNode(key));
  return b;
}

export function renderNodePanel(graph: VGraph, key: string, act: PanelActions): HTMLElement {
  const a = graph.getNodeAttributes(key);
  const kids: (HTMLElement | null)[] = [];
  const facts = [`${typeLabel(a.type)}`, `${a.mentions} mention${a.mentions === 1 ? '' : 's'}`, `${a._degree} relation${a._degree === 1 ? '' : 's'}`];
  if (a.articles.length) facts.push(`${a.articles.length} article${a.articles.length === 1 ? '' : 's'}`);
  kids.push(h('p', { class: 'facts' }, facts.join(' · ')));
  if (a.of) kids.push(h('p', {}, `Of: ${a.of}`));
  if (a.type === 'article') {
    const meta = [a.outlet, a.date].filter(Boolean).join(', ');
    if (meta) kids.push(h('p', {}, meta));
    if (a.url) kids.push(h('p', {}, h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.url)));
  }

  // Aliases, each with the rule that merged it when the graph recorded one.
  const why = new Map((a.merges ?? []).map((m) => [m.name, m.rule]));
  const aliases = a.aliases.filter((x) => x !== a.label);
  if (aliases.length) {
    kids.push(
      h('section', { class: 'aliases' }, h('h3', {}, 'Also named'),
        h('ul', {}, aliases.map((al) => h('li', {}, al, why.has(al) ? h('span', { class: 'why' }, ` — merged: ${why.get(al)}`) : null)))),
    );
  }

  // Roles: outgoing holds_role edges to role nodes.
  const roles: string[] = [];
  graph.forEachOutEdge(key, (_e, ea, _s, t) => {
    if (ea.type === 'holds_role') {
      const r = graph.getNodeAttributes(t);
      roles.push(r.of && !r.label.includes(r.of) ? `${r.label} (${r.of})` : r.label);
    }
  });
  if (roles.length) kids.push(h('section', { class: 'roles' }, h('h3', {}, 'Roles'), h('ul', {}, [...new Set(roles)].map((r) => h('li', {}, r)))));

  // Relations grouped by type, strongest first.
  const groups = new Map<string, { edge: string; other: string; out: boolean; weight: number; evidence: Evidence[] }[]>();
  graph.forEachEdge(key, (e, ea, s, t) => {
    const out = s === key;
    const list = groups.get(ea.type) ?? [];
    list.push({ edge: e, other: out ? t : s, out, weight: ea.weight, evidence: ea.evidence });
    groups.set(ea.type, list);
  });
  if (groups.size) {
    const sections = [...groups.entries()]
      .sort((x, y) => rank(x[0]) - rank(y[0]) || y[1].length - x[1].length)
      .map(([type, list]) => {
        list.sort((x, y) => y.weight - x.weight || y.evidence.length - x.evidence.length);
        const items = list.slice(0, PER_TYPE).map((r) => {
          const dir = type === 'met_with' ? '' : r.out ? '→ ' : '← ';
          const show = h('button', { type: 'button', class: 'link small', 'data-edge': r.edge }, 'edge');
          show.addEventListener('click', () => act.pickEdge(r.edge));
          return h('li', { class: 'relation' },
            h('p', { class: 'rel-head' }, dir, nodeButton(graph, r.other, act), ` (${r.evidence.length} sentence${r.evidence.length === 1 ? '' : 's'}) `, show),
            evidenceList(graph, r.evidence, PER_EDGE));
        });
        if (list.length > PER_TYPE) items.push(h('li', { class: 'more' }, `and ${list.length - PER_TYPE} more`));
        return h('section', { class: 'relations', 'data-relation': type }, h('h4', {}, `${relLabel(type)} (${list.length})`), h('ul', {}, items));
      });
    kids.push(h('section', {}, h('h3', {}, 'Relations'), sections));
  } else {
    kids.push(h('p', {}, 'No relations.'));
  }
  return h('article', { class: 'panel-body', 'data-node': key }, h('h2', {}, a.label), ...kids.filter((k): k is HTMLElement => k !== null));
}

export function renderEdgePanel(graph: VGraph, edge: string, act: PanelActions): HTMLElement {
  const a = graph.getEdgeAttributes(edge);
  const s = graph.source(edge);
  const t = graph.target(edge);
  const facts = [relLabel(a.type), `weight ${a.weight}`];
  if (a.modality) facts.push(a.modality);
  if (a.place) facts.push(`in ${a.place}`);
  if (a.date) facts.push(a.date);
  return h('article', { class: 'panel-body', 'data-edge': edge },
    h('h2', {}, nodeButton(graph, s, act), a.type === 'met_with' ? ' — ' : ' → ', nodeButton(graph, t, act)),
    h('p', { class: 'facts' }, facts.join(' · ')),
    h('h3', {}, `Evidence (${a.evidence.length})`),
    evidenceList(graph, a.evidence, 50));
}
