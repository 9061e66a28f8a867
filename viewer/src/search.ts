// Type-ahead over labels and aliases. Prefix matches of any word rank before inner matches; larger nodes
// (more mentions) first among equals, so "lavrov" finds the minister before a namesake mentioned once.
import type { VGraph } from './model.js';

export interface Hit {
  key: string;
  label: string;
  type: string;
  /** The alias that matched, when it was not the label. */
  via?: string;
}

interface Entry {
  key: string;
  label: string;
  type: string;
  names: string[];
  lower: string[];
  weight: number;
}

export class SearchIndex {
  private entries: Entry[] = [];

  constructor(graph: VGraph) {
    graph.forEachNode((key, a) => {
      const names = [a.label, ...a.aliases.filter((x) => x && x !== a.label)];
      this.entries.push({ key, label: a.label, type: a.type, names, lower: names.map((n) => n.toLowerCase()), weight: a.mentions + a._degree });
    });
  }

  query(q: string, limit = 10, visible?: (key: string) => boolean): Hit[] {
    const needle = q.trim().toLowerCase();
    if (!needle) return [];
    const scored: { hit: Hit; rank: number; weight: number }[] = [];
    for (const e of this.entries) {
      if (visible && !visible(e.key)) continue;
      let best = -1;
      let via = -1;
      e.lower.forEach((n, i) => {
        const rank = n === needle ? 3 : n.startsWith(needle) ? 2 : n.split(/\s+/).some((w) => w.startsWith(needle)) ? 1 : n.includes(needle) ? 0 : -1;
        if (rank > best) {
          best = rank;
          via = i;
        }
      });
      if (best < 0) continue;
      const hit: Hit = { key: e.key, label: e.label, type: e.type };
      if (via > 0) hit.via = e.names[via]!;
      scored.push({ hit, rank: best, weight: e.weight });
    }
    scored.sort((a, b) => b.rank - a.rank || b.weight - a.weight || a.hit.label.localeCompare(b.hit.label));
    return scored.slice(0, limit).map((s) => s.hit);
  }
}
