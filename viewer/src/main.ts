// The viewer: loads a graph (URL, file picker, drop), draws it with sigma 4 declarative styles, and wires
// search, hover, selection, filters, layout, URL state and exports. Visibility and highlight are sigma item
// state (isHidden, isActive, isSelected), so no interaction rebuilds the graph or the renderer.
import Sigma from 'sigma';
import { extremityArrow, pathCurved, pathLine, pathLoop } from 'sigma/rendering';
import { instrument } from './bench.js';
import { $, download, h } from './dom.js';
import { articleDates, computeVisibility, copyFilters, defaultFilters, type Filters } from './filters.js';
import { EdgeHitTester } from './edgehit.js';
import { capturePng, subgraphExport, toGexf } from './exporting.js';
import { LayoutRunner, type LayoutPhase } from './layout.js';
import { fetchGraph, GraphFileError, parseGraph, type VGraph, type VNode } from './model.js';
import { EDGE_COLORS, FADED_EDGE, FADED_NODE, NODE_COLORS, NODE_TYPE_LABEL, RELATION_LABEL, UNDIRECTED, UNKNOWN } from './palette.js';
import { renderEdgePanel, renderNodePanel, type PanelActions } from './panel.js';
import { SearchIndex, type Hit } from './search.js';
import { decodeState, encodeState, type ViewState } from './urlstate.js';

type SizeBy = 'degree' | 'mentions';
type Selection = { kind: 'node' | 'edge'; key: string } | null;

const DEFAULT_GRAPH = 'graphs/sample.json';
const MIN_SIZE = 3;
const MAX_SIZE = 16;

function createRenderer(graph: VGraph, container: HTMLElement, scale: { degree: number; mentions: number }) {
  const sizeOf = (a: VNode, by: string) => {
    const v = by === 'mentions' ? a.mentions : a._degree;
    const max = by === 'mentions' ? scale.mentions : scale.degree;
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, v) / Math.max(1, max));
  };
  const sigma = new Sigma(graph, container, {
    customNodeState: { isActive: false, isSelected: false },
    customEdgeState: { isActive: false, isSelected: false, isUnderPointer: false },
    customGraphState: { hasActive: false, sizeBy: 'degree' as string },
    primitives: {
      edges: { paths: [pathLine(), pathCurved(), pathLoop()], extremities: [extremityArrow()] },
      // The selected or hovered node (and its label) above its neighbourhood, which is above the rest.
      depthLayers: ['edges', 'topEdges', 'nodes', 'topNodes', 'focusNodes'],
    },
    // Edges are hovered and clicked through EdgeHitTester, not sigma's per-frame edge picking (see edgehit.ts).
    settings: { enableEdgeEvents: false, renderEdgeLabels: false },
    styles: {
      nodes: [
        {
          x: { attribute: 'x' },
          y: { attribute: 'y' },
          label: { attribute: 'label' },
          color: (a) => (NODE_COLORS as Record<string, string>)[a.type] ?? UNKNOWN,
          size: (a, _s, gs) => sizeOf(a, gs.sizeBy),
          labelColor: '#1c1917',
          depth: 'nodes',
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
          labelVisibility: 'auto',
          backdropVisibility: 'hidden',
          backdropColor: '#ffffff',
          backdropShadowColor: 'rgba(0, 0, 0, 0.45)',
          backdropShadowBlur: 10,
          backdropPadding: 5,
        },
        {
          when: (_a, s, gs) => gs.hasActive && !s.isActive && !s.isHovered && !s.isSelected,
          then: { color: FADED_NODE, labelVisibility: 'hidden' },
        },
        { whenState: 'isActive', then: { depth: 'topNodes' } },
        // The neighbourhood of what is hovered or selected is what the user is reading: every name shows, on a
        // light ground so names that cross stay legible (the grid's culling would hide most of them). Article
        // titles are long and the panel cites them: they keep the grid's say.
        {
          when: (a, s) => s.isActive && a.type !== 'article',
          then: { labelVisibility: 'visible', labelBackgroundColor: 'rgba(255, 255, 255, 0.85)', labelBackgroundPadding: 2 },
        },
        { whenState: 'isSelected', then: { depth: 'focusNodes', labelVisibility: 'visible', backdropVisibility: 'visible' } },
        { whenState: 'isHovered', then: { depth: 'focusNodes', labelVisibility: 'visible', backdropVisibility: 'visible' } },
      ],
      edges: [
        {
          color: (a) => (EDGE_COLORS as Record<string, string>)[a.type] ?? UNKNOWN,
          size: (a) => Math.min(4, 1 + Math.log2(Math.max(1, a.weight))),
          head: (a) => (UNDIRECTED.has(a.type) ? 'none' : 'arrow'),
          parallelPath: 'curved',
          depth: 'edges',
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
        },
        { when: (_a, s, gs) => gs.hasActive && !s.isActive && !s.isUnderPointer, then: { color: FADED_EDGE } },
        { whenState: 'isActive', then: { depth: 'topEdges', size: 2 } },
        { whenState: 'isSelected', then: { depth: 'topEdges', size: 3 } },
        { whenState: 'isUnderPointer', then: { depth: 'topEdges', size: 3 } },
      ],
    },
  });
  return { sigma, sizeOf };
}

type Renderer = ReturnType<typeof createRenderer>['sigma'];

class App {
  graph: VGraph | null = null;
  sigma: Renderer | null = null;
  name = '';
  source: string | null = null;
  filters!: Filters;
  defaults!: Filters;
  sizeBy: SizeBy = 'degree';
  selection: Selection = null;
  frames = 0;
  private sizeOf: (a: VNode, by: string) => number = () => 1;
  private dates = new Map<string, string>();
  private visible = { nodes: new Set<string>(), edges: new Set<string>() };
  private active = { nodes: [] as string[], edges: [] as string[] };
  private index: SearchIndex | null = null;
  private layout: LayoutRunner | null = null;
  private urlTimer: ReturnType<typeof setTimeout> | null = null;
  private hits: Hit[] = [];
  private hitIndex = -1;
  readonly actions: PanelActions = {
    pickNode: (k) => this.selectNode(k, true),
    pickEdge: (k) => this.selectEdge(k, true),
  };

  /** Shows a graph. `search` is the URL query to restore (selection, filters, camera) or null for a fresh view. */
  mount(graph: VGraph, name: string, source: string | null, search: string | null): void {
    this.unmount();
    this.graph = graph;
    this.name = name;
    this.source = source;
    const scale = { degree: 1, mentions: 1 };
    graph.forEachNode((_k, a) => {
      scale.degree = Math.max(scale.degree, a._degree);
      scale.mentions = Math.max(scale.mentions, a.mentions);
    });
    this.dates = articleDates(graph);
    this.defaults = defaultFilters(graph);
    const restored = search !== null ? decodeState(search, this.defaults) : null;
    this.filters = restored?.filters ?? copyFilters(this.defaults);
    this.sizeBy = restored?.view.sizeBy ?? 'degree';
    performance.mark('kg:prepared');
    const { sigma, sizeOf } = createRenderer(graph, $('#graph'), scale);
    performance.mark('kg:rendered');
    this.sigma = sigma;
    this.sizeOf = sizeOf;
    this.visible = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
    if (this.sizeBy !== 'degree') sigma.setGraphState({ sizeBy: this.sizeBy });
    (document.getElementById('size-by') as HTMLSelectElement).value = this.sizeBy;
    this.bindRenderer(sigma);
    this.index = null; // built on the first keystroke: not on the path to the first frame
    this.layout = new LayoutRunner(graph, () => this.radiusInGraphUnits(), (p) => this.onLayoutPhase(p));
    this.buildFilterControls();
    if (!sameFilters(this.filters, this.defaults)) this.applyFilters(false);
    this.updateCount();
    $('#graph-name').textContent = `${name}: ${graph.order} nodes, ${graph.size} edges`;
    const v = restored?.view;
    if (v?.camera) sigma.getCamera().setState(v.camera);
    if (v?.node && graph.hasNode(v.node)) this.selectNode(v.node, false);
    else if (v?.edge && graph.hasEdge(v.edge)) this.selectEdge(v.edge, false);
    else this.showHint();
    this.writeUrl();
  }

  unmount(): void {
    this.layout?.kill();
    this.layout = null;
    this.sigma?.kill();
    this.sigma = null;
    this.index = null;
    this.selection = null;
    this.hovered = null;
    this.hoveredEdge = null;
    this.overNode = false;
    this.active = { nodes: [], edges: [] };
    this.closeResults();
  }

  private bindRenderer(sigma: Renderer): void {
    instrument(sigma);
    this.frames++; // the constructor rendered the first frame
    // Built on the first pointer move over the stage, off the path to the first frame.
    let edges: EdgeHitTester | null = null;
    sigma.on('afterRender', () => {
      this.frames++;
      edges?.invalidate();
    });
    const edgeAt = (x: number, y: number) => (edges ??= new EdgeHitTester(this.graph!, sigma)).edgeAt(x, y, (k) => this.visible.edges.has(k));
    sigma.on('enterNode', ({ node }) => {
      this.overNode = true;
      this.hoverEdge(null);
      this.hover({ kind: 'node', key: node });
    });
    sigma.on('leaveNode', () => {
      this.overNode = false;
      this.hover(null);
    });
    // Edge hover: at most one hit test per animation frame, none while a button is down (panning).
    let pending: { x: number; y: number } | null = null;
    sigma.on('moveBody', ({ event }) => {
      if (this.overNode || (event.original as MouseEvent).buttons) return;
      const { width, height } = sigma.getDimensions();
      const inside = event.x >= 0 && event.y >= 0 && event.x <= width && event.y <= height;
      if (!inside) return this.hoverEdge(null);
      if (!pending) {
        requestAnimationFrame(() => {
          const at = pending!;
          pending = null;
          if (this.sigma === sigma && !this.overNode) this.hoverEdge(edgeAt(at.x, at.y));
        });
      }
      pending = { x: event.x, y: event.y };
    });
    sigma.on('leaveStage', () => this.hoverEdge(null));
    sigma.on('clickNode', ({ node }) => this.selectNode(node, false));
    sigma.on('clickStage', ({ event }) => {
      const edge = edgeAt(event.x, event.y);
      if (edge) this.selectEdge(edge, false);
      else this.clearSelection();
    });
    sigma.getCamera().on('updated', () => this.scheduleUrl());
  }

  // ---- highlight and selection ----

  /** What the pointer is over; it wins over the selection for highlighting. */
  private hovered: Selection = null;
  private overNode = false;
  private hoveredEdge: string | null = null;

  /** The edge under the pointer (null: none). Sigma's edge events are off and it owns `isHovered`, so the
   *  edge is marked with a state of our own. */
  private hoverEdge(edge: string | null): void {
    if (edge === this.hoveredEdge || !this.sigma) return;
    const graph = this.graph!;
    if (this.hoveredEdge && graph.hasEdge(this.hoveredEdge)) this.sigma.setEdgeState(this.hoveredEdge, { isUnderPointer: false });
    this.hoveredEdge = edge;
    if (edge) this.sigma.setEdgeState(edge, { isUnderPointer: true });
    $('#graph').style.cursor = edge ? 'pointer' : '';
    if (edge || this.hovered?.kind === 'edge') this.hover(edge ? { kind: 'edge', key: edge } : null);
  }

  private hover(target: Selection): void {
    this.hovered = target;
    this.activate(target ?? this.selection);
  }

  /** Marks a node's neighbourhood (or an edge and its ends) active; the styles fade everything else. */
  private activate(target: Selection): void {
    const sigma = this.sigma!;
    const graph = this.graph!;
    if (this.active.nodes.length) sigma.setNodesState(this.active.nodes, { isActive: false });
    if (this.active.edges.length) sigma.setEdgesState(this.active.edges, { isActive: false });
    this.active = { nodes: [], edges: [] };
    if (target?.kind === 'node' && graph.hasNode(target.key)) {
      this.active = { nodes: [target.key, ...graph.neighbors(target.key)], edges: graph.edges(target.key) };
    } else if (target?.kind === 'edge' && graph.hasEdge(target.key)) {
      this.active = { nodes: graph.extremities(target.key), edges: [target.key] };
    }
    if (this.active.nodes.length) sigma.setNodesState(this.active.nodes, { isActive: true });
    if (this.active.edges.length) sigma.setEdgesState(this.active.edges, { isActive: true });
    sigma.setGraphState({ hasActive: target !== null && this.active.nodes.length > 0 });
  }

  private setSelectedState(on: boolean): void {
    const s = this.selection;
    if (!s || !this.sigma) return;
    if (s.kind === 'node' && this.graph!.hasNode(s.key)) this.sigma.setNodeState(s.key, { isSelected: on });
    if (s.kind === 'edge' && this.graph!.hasEdge(s.key)) this.sigma.setEdgeState(s.key, { isSelected: on });
  }

  selectNode(key: string, centre: boolean): void {
    if (!this.graph?.hasNode(key)) return;
    this.setSelectedState(false);
    this.selection = { kind: 'node', key };
    this.setSelectedState(true);
    this.activate(this.hovered ?? this.selection);
    this.showPanel(renderNodePanel(this.graph, key, this.actions));
    $('#ego-node').textContent = `Selected: ${this.graph.getNodeAttribute(key, 'label')}`;
    if (centre) this.centreOn(key);
    this.writeUrl();
  }

  selectEdge(key: string, centre: boolean): void {
    if (!this.graph?.hasEdge(key)) return;
    this.setSelectedState(false);
    this.selection = { kind: 'edge', key };
    this.setSelectedState(true);
    this.activate(this.hovered ?? this.selection);
    this.showPanel(renderEdgePanel(this.graph, key, this.actions));
    if (centre) this.centreOn(this.graph.source(key));
    this.writeUrl();
  }

  clearSelection(): void {
    this.setSelectedState(false);
    this.selection = null;
    if (this.sigma) this.activate(this.hovered);
    this.showHint();
    this.closeResults();
    this.writeUrl();
  }

  private centreOn(key: string): void {
    const d = this.sigma?.getNodeDisplayData(key);
    if (!d || !this.sigma) return;
    const cam = this.sigma.getCamera();
    void cam.animate({ x: d.x, y: d.y, ratio: Math.min(cam.ratio, 0.35) }, { duration: 400 });
  }

  private showPanel(el: HTMLElement): void {
    $('#panel').replaceChildren(el);
  }

  private showHint(): void {
    $('#panel').replaceChildren(h('p', { class: 'muted' }, 'Hover a node to see its neighbours; click a node or an edge for its evidence.'));
  }

  // ---- filters ----

  private buildFilterControls(): void {
    const graph = this.graph!;
    const nodeCounts = new Map<string, number>();
    graph.forEachNode((_k, a) => nodeCounts.set(a.type, (nodeCounts.get(a.type) ?? 0) + 1));
    const edgeCounts = new Map<string, number>();
    const modCounts = new Map<string, number>();
    graph.forEachEdge((_k, a) => {
      edgeCounts.set(a.type, (edgeCounts.get(a.type) ?? 0) + 1);
      const m = a.modality ?? 'occurred';
      modCounts.set(m, (modCounts.get(m) ?? 0) + 1);
    });
    const group = (sel: string, title: string, counts: Map<string, number>, chosen: Set<string>, color: (t: string) => string | null, label: (t: string) => string, edge: boolean) => {
      const fs = $(sel);
      fs.replaceChildren(h('legend', {}, title));
      for (const [t, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
        const box = h('input', { type: 'checkbox', value: t, 'data-filter': sel.slice(1) });
        box.checked = chosen.has(t);
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(t);
          else chosen.delete(t);
          this.applyFilters(true);
        });
        const c = color(t);
        fs.append(h('label', {}, box, c ? h('span', { class: edge ? 'swatch edge' : 'swatch', style: `background:${c}`, 'aria-hidden': 'true' }) : null, label(t), h('span', { class: 'count' }, String(n))));
      }
    };
    group('#node-types', 'Entities', nodeCounts, this.filters.nodeTypes, (t) => (NODE_COLORS as Record<string, string>)[t] ?? UNKNOWN, (t) => (NODE_TYPE_LABEL as Record<string, string>)[t] ?? t, false);
    group('#relation-types', 'Relations', edgeCounts, this.filters.relations, (t) => (EDGE_COLORS as Record<string, string>)[t] ?? UNKNOWN, (t) => (RELATION_LABEL as Record<string, string>)[t] ?? t, true);
    group('#modalities', 'Modality', modCounts, this.filters.modalities, () => null, (t) => t, false);
    const num = (id: string, v: number) => ((document.getElementById(id) as HTMLInputElement).value = String(v));
    num('min-degree', this.filters.minDegree);
    num('min-mentions', this.filters.minMentions);
    num('ego-depth', this.filters.depth);
    const dates = [...this.dates.values()].sort();
    for (const id of ['date-from', 'date-to']) {
      const el = document.getElementById(id) as HTMLInputElement;
      el.disabled = dates.length === 0;
      el.min = dates[0] ?? '';
      el.max = dates.at(-1) ?? '';
    }
    (document.getElementById('date-from') as HTMLInputElement).value = this.filters.dateFrom;
    (document.getElementById('date-to') as HTMLInputElement).value = this.filters.dateTo;
    $('#dates').title = dates.length ? `Articles from ${dates[0]} to ${dates.at(-1)}` : 'No article in this graph has a date';
    this.updateEgoLabel();
  }

  /** Reads the number/date inputs into the filters (checkboxes update the sets directly). */
  readInputs(): void {
    const val = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
    this.filters.minDegree = Math.max(0, Number(val('min-degree')) || 0);
    this.filters.minMentions = Math.max(0, Number(val('min-mentions')) || 0);
    this.filters.dateFrom = val('date-from');
    this.filters.dateTo = val('date-to');
    this.filters.depth = Math.min(6, Math.max(1, Number(val('ego-depth')) || 1));
  }

  applyFilters(writeUrl: boolean): void {
    const sigma = this.sigma;
    const graph = this.graph;
    if (!sigma || !graph) return;
    const next = computeVisibility(graph, this.filters, this.dates);
    // Only the items whose visibility changes are touched, so sigma re-processes as little as possible.
    const nodes = visibilityChanges(graph.nodes(), this.visible.nodes, next.nodes);
    if (nodes.hide.length) sigma.setNodesState(nodes.hide, { isHidden: true });
    if (nodes.show.length) sigma.setNodesState(nodes.show, { isHidden: false });
    const edges = visibilityChanges(graph.edges(), this.visible.edges, next.edges);
    if (edges.hide.length) sigma.setEdgesState(edges.hide, { isHidden: true });
    if (edges.show.length) sigma.setEdgesState(edges.show, { isHidden: false });
    this.visible = next;
    this.updateCount();
    this.updateEgoLabel();
    if (writeUrl) this.writeUrl();
  }

  resetFilters(): void {
    this.filters = copyFilters(this.defaults);
    this.buildFilterControls();
    this.applyFilters(true);
  }

  setEgo(on: boolean): void {
    this.readInputs();
    this.filters.ego = on && this.selection?.kind === 'node' ? this.selection.key : null;
    this.applyFilters(true);
  }

  private updateEgoLabel(): void {
    const ego = this.filters.ego;
    if (ego && this.graph?.hasNode(ego)) $('#ego-node').textContent = `Around: ${this.graph.getNodeAttribute(ego, 'label')} (depth ${this.filters.depth})`;
  }

  private updateCount(): void {
    $('#visible-count').textContent = `Showing ${this.visible.nodes.size} of ${this.graph!.order} nodes, ${this.visible.edges.size} of ${this.graph!.size} edges`;
  }

  setSizeBy(by: SizeBy): void {
    this.sizeBy = by;
    this.sigma?.setGraphState({ sizeBy: by });
    this.writeUrl();
  }

  // ---- layout ----

  toggleLayout(): void {
    if (!this.layout) return;
    if (this.layout.phase === 'idle') this.layout.start();
    else this.layout.stop();
  }

  private onLayoutPhase(p: LayoutPhase): void {
    $('#layout').textContent = p === 'idle' ? 'Run layout' : p === 'forceatlas2' ? 'Stop layout' : 'Finish now';
    $('#layout-status').textContent = p === 'forceatlas2' ? 'ForceAtlas2 running…' : p === 'noverlap' ? 'Removing overlaps…' : this.frames ? 'Layout done' : '';
    document.body.dataset.layout = p;
  }

  /** Node radius as drawn, converted to graph units at camera ratio 1 (for noverlap). */
  private radiusInGraphUnits(): (key: string) => number {
    const graph = this.graph!;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    graph.forEachNode((_k, a) => {
      if (a.x < minX) minX = a.x;
      if (a.x > maxX) maxX = a.x;
      if (a.y < minY) minY = a.y;
      if (a.y > maxY) maxY = a.y;
    });
    const { width, height } = this.sigma!.getDimensions();
    const unit = Math.max(maxX - minX, maxY - minY, 1e-9) / Math.max(1, Math.min(width, height));
    const by = this.sizeBy;
    return (key) => this.sizeOf(graph.getNodeAttributes(key), by) * unit;
  }

  // ---- search ----

  onSearchInput(q: string): void {
    const vis = this.visible.nodes;
    if (!this.index && this.graph) this.index = new SearchIndex(this.graph);
    this.hits = this.index?.query(q, 10, (k) => vis.has(k)) ?? [];
    this.hitIndex = this.hits.length ? 0 : -1;
    this.renderResults();
  }

  onSearchKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.hits.length) return;
      e.preventDefault();
      this.hitIndex = (this.hitIndex + (e.key === 'ArrowDown' ? 1 : -1) + this.hits.length) % this.hits.length;
      this.renderResults();
    } else if (e.key === 'Enter') {
      const hit = this.hits[this.hitIndex];
      if (hit) this.choose(hit);
    }
  }

  private choose(hit: Hit): void {
    (document.getElementById('search') as HTMLInputElement).value = hit.label;
    this.closeResults();
    this.selectNode(hit.key, true);
  }

  private renderResults(): void {
    const ul = $('#search-results');
    const input = $('#search');
    ul.replaceChildren(
      ...this.hits.map((hit, i) => {
        const li = h('li', { role: 'option', id: `hit-${i}`, 'data-node': hit.key, 'aria-selected': String(i === this.hitIndex) },
          hit.label, hit.via ? h('span', { class: 'type' }, ` (as ${hit.via})`) : null,
          h('span', { class: 'type' }, ` · ${(NODE_TYPE_LABEL as Record<string, string>)[hit.type] ?? hit.type}`));
        li.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          this.choose(hit);
        });
        return li;
      }),
    );
    ul.hidden = this.hits.length === 0;
    input.setAttribute('aria-expanded', String(this.hits.length > 0));
    if (this.hitIndex >= 0) input.setAttribute('aria-activedescendant', `hit-${this.hitIndex}`);
    else input.removeAttribute('aria-activedescendant');
  }

  closeResults(): void {
    this.hits = [];
    this.hitIndex = -1;
    const ul = document.getElementById('search-results');
    if (ul) {
      ul.hidden = true;
      ul.replaceChildren();
    }
    document.getElementById('search')?.setAttribute('aria-expanded', 'false');
  }

  // ---- URL ----

  private viewState(): ViewState {
    const c = this.sigma?.getCamera().getState() ?? null;
    return {
      graph: this.source,
      node: this.selection?.kind === 'node' ? this.selection.key : null,
      edge: this.selection?.kind === 'edge' ? this.selection.key : null,
      sizeBy: this.sizeBy,
      camera: c,
    };
  }

  private scheduleUrl(): void {
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.writeUrl(), 250);
  }

  writeUrl(): void {
    if (!this.graph) return;
    const q = encodeState(this.viewState(), this.filters, this.defaults);
    history.replaceState(null, '', q ? `?${q}` : location.pathname);
  }

  // ---- export ----

  visibleExport() {
    return subgraphExport(this.graph!, this.visible.nodes, this.visible.edges);
  }

  async exportPng(): Promise<void> {
    if (!this.sigma) return;
    download('newsgraph.png', await capturePng(this.sigma));
  }

  exportJson(): void {
    download('newsgraph-view.json', new Blob([JSON.stringify(this.visibleExport())], { type: 'application/json' }));
  }

  exportGexf(): void {
    download('newsgraph-view.gexf', new Blob([toGexf(this.visibleExport(), NODE_COLORS)], { type: 'application/xml' }));
  }

  // ---- state for tests and benchmarks ----

  nodeOnScreen(key: string): { x: number; y: number } | null {
    const d = this.sigma?.getNodeDisplayData(key);
    if (!d || !this.sigma) return null;
    const p = this.sigma.framedGraphToViewport(d);
    const r = $('#graph').getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }
}

function sameFilters(a: Filters, b: Filters): boolean {
  const s = (x: Set<string>) => [...x].sort().join(',');
  return s(a.nodeTypes) === s(b.nodeTypes) && s(a.relations) === s(b.relations) && s(a.modalities) === s(b.modalities) &&
    a.minDegree === b.minDegree && a.minMentions === b.minMentions && a.dateFrom === b.dateFrom && a.dateTo === b.dateTo && a.ego === b.ego;
}

// ---- boot ----

/** The keys that were visible and are no longer (`hide`), and the other way round (`show`). */
function visibilityChanges(keys: string[], was: Set<string>, is: Set<string>): { show: string[]; hide: string[] } {
  const show: string[] = [];
  const hide: string[] = [];
  for (const k of keys) {
    if (was.has(k) && !is.has(k)) hide.push(k);
    else if (!was.has(k) && is.has(k)) show.push(k);
  }
  return { show, hide };
}

const app = new App();

function showMessage(text: string | null): void {
  const m = $('#message');
  m.textContent = text ?? '';
  m.hidden = !text;
  viewer.error = text;
  if (app.sigma) requestAnimationFrame(() => app.sigma?.resize());
}

async function openFile(file: File): Promise<void> {
  try {
    const g = parseGraph(await file.text(), file.name);
    showMessage(null);
    app.mount(g, file.name, null, null);
  } catch (e) {
    // The graph on screen stays: nothing was unmounted before the new file proved good.
    showMessage(e instanceof GraphFileError ? e.message : `Could not open ${file.name}: ${(e as Error).message}`);
  }
}

const viewer = {
  ready: false,
  error: null as string | null,
  app,
  get sigma() {
    return app.sigma;
  },
  get graph() {
    return app.graph;
  },
  get graphName() {
    return app.name;
  },
  get frames() {
    return app.frames;
  },
  /** Nodes whose sigma state is not hidden. */
  visibleNodes(): string[] {
    const s = app.sigma;
    return s && app.graph ? app.graph.filterNodes((k) => !s.getNodeState(k).isHidden) : [];
  },
  visibleEdges(): string[] {
    const s = app.sigma;
    return s && app.graph ? app.graph.filterEdges((k) => !s.getEdgeState(k).isHidden) : [];
  },
  selection: () => app.selection,
  nodeOnScreen: (k: string) => app.nodeOnScreen(k),
  layoutPhase: () => document.body.dataset.layout ?? 'idle',
};
declare global {
  interface Window {
    __viewer: typeof viewer;
  }
}
window.__viewer = viewer;

function bindUi(): void {
  const search = document.getElementById('search') as HTMLInputElement;
  search.addEventListener('input', () => app.onSearchInput(search.value));
  search.addEventListener('keydown', (e) => app.onSearchKey(e));
  search.addEventListener('blur', () => setTimeout(() => app.closeResults(), 150));
  const file = document.getElementById('file') as HTMLInputElement;
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void openFile(f).finally(() => (file.value = ''));
  });
  const hint = $('#drop-hint');
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    hint.hidden = false;
  });
  window.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) hint.hidden = true;
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    hint.hidden = true;
    const f = e.dataTransfer?.files?.[0];
    if (f) void openFile(f);
  });
  $('#layout').addEventListener('click', () => app.toggleLayout());
  const sizeBy = document.getElementById('size-by') as HTMLSelectElement;
  sizeBy.addEventListener('change', () => app.setSizeBy(sizeBy.value === 'mentions' ? 'mentions' : 'degree'));
  for (const id of ['min-degree', 'min-mentions', 'date-from', 'date-to']) {
    document.getElementById(id)!.addEventListener('change', () => {
      app.readInputs();
      app.applyFilters(true);
    });
  }
  document.getElementById('ego-depth')!.addEventListener('change', () => {
    if (app.filters.ego) app.setEgo(true);
  });
  $('#ego-apply').addEventListener('click', () => app.setEgo(true));
  $('#ego-clear').addEventListener('click', () => app.setEgo(false));
  $('#reset-filters').addEventListener('click', () => app.resetFilters());
  $('#export-png').addEventListener('click', () => void app.exportPng());
  $('#export-json').addEventListener('click', () => app.exportJson());
  $('#export-gexf').addEventListener('click', () => app.exportGexf());
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
    if (e.key === 'Escape') {
      app.clearSelection();
      if (t === search) search.blur();
    } else if (e.key === '/' && !typing) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  });
}

async function boot(): Promise<void> {
  performance.mark('kg:boot');
  bindUi();
  const params = new URLSearchParams(location.search);
  const source = params.get('graph');
  try {
    const g = await fetchGraph(source ?? DEFAULT_GRAPH);
    performance.mark('kg:parsed');
    app.mount(g, source ?? DEFAULT_GRAPH, source, location.search);
  } catch (e) {
    showMessage(e instanceof GraphFileError ? e.message : `Could not show the graph: ${(e as Error).message}`);
  }
  viewer.ready = true;
}

void boot();

