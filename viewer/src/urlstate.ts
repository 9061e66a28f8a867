// The view in the address bar (selection, filters, camera, size mode), so a view is shared by copying the URL.
// Only what differs from the defaults is written, keeping addresses short.
import type { Filters } from './filters.js';

export interface ViewState {
  graph: string | null;
  node: string | null;
  edge: string | null;
  sizeBy: 'degree' | 'mentions';
  camera: { x: number; y: number; ratio: number; angle: number } | null;
}

const list = (s: Set<string>) => [...s].sort().join(',');

export function encodeState(v: ViewState, f: Filters, defaults: Filters): string {
  const p = new URLSearchParams();
  if (v.graph) p.set('graph', v.graph);
  if (v.node) p.set('node', v.node);
  if (v.edge) p.set('edge', v.edge);
  if (v.sizeBy !== 'degree') p.set('size', v.sizeBy);
  if (list(f.nodeTypes) !== list(defaults.nodeTypes)) p.set('types', list(f.nodeTypes));
  if (list(f.relations) !== list(defaults.relations)) p.set('rels', list(f.relations));
  if (list(f.modalities) !== list(defaults.modalities)) p.set('mod', list(f.modalities));
  if (f.minDegree) p.set('mindeg', String(f.minDegree));
  if (f.minMentions) p.set('minment', String(f.minMentions));
  if (f.dateFrom) p.set('from', f.dateFrom);
  if (f.dateTo) p.set('to', f.dateTo);
  if (f.ego) {
    p.set('ego', f.ego);
    p.set('depth', String(f.depth));
  }
  if (v.camera) {
    const c = v.camera;
    p.set('cam', [c.x, c.y, c.ratio, c.angle].map((n) => String(Math.round(n * 1e4) / 1e4)).join(','));
  }
  return p.toString();
}

const split = (s: string) => new Set(s.split(',').filter(Boolean));
const num = (s: string | null, d: number) => (s !== null && Number.isFinite(Number(s)) ? Number(s) : d);

export function decodeState(search: string, defaults: Filters): { view: ViewState; filters: Filters } {
  const p = new URLSearchParams(search);
  const cam = p.get('cam')?.split(',').map(Number);
  const view: ViewState = {
    graph: p.get('graph'),
    node: p.get('node'),
    edge: p.get('edge'),
    sizeBy: p.get('size') === 'mentions' ? 'mentions' : 'degree',
    camera: cam && cam.length === 4 && cam.every(Number.isFinite) ? { x: cam[0]!, y: cam[1]!, ratio: cam[2]!, angle: cam[3]! } : null,
  };
  const filters: Filters = {
    nodeTypes: p.has('types') ? split(p.get('types')!) : new Set(defaults.nodeTypes),
    relations: p.has('rels') ? split(p.get('rels')!) : new Set(defaults.relations),
    modalities: p.has('mod') ? split(p.get('mod')!) : new Set(defaults.modalities),
    minDegree: num(p.get('mindeg'), 0),
    minMentions: num(p.get('minment'), 0),
    dateFrom: p.get('from') ?? '',
    dateTo: p.get('to') ?? '',
    ego: p.get('ego'),
    depth: Math.max(1, num(p.get('depth'), 1)),
  };
  return { view, filters };
}
