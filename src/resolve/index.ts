// Entity resolution: which mentions name the same entity, within an article and across articles.
import type { Doc, LocalEntity, Mention } from '../types.js';

export interface Coreference {
  entities: LocalEntity[];
  mentionEntity: number[];
}

/** Groups an article's mentions into entities. STUB: exact names only. */
export function corefer(_doc: Doc, mentions: Mention[]): Coreference {
  const entities: LocalEntity[] = [];
  const byKey = new Map<string, number>();
  const mentionEntity = mentions.map((m, i) => {
    const key = `${m.type}:${m.text.toLowerCase()}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id = entities.length;
      byKey.set(key, id);
      entities.push({ id, type: m.type, name: m.text, aliases: [], mentions: [], merges: [] });
    }
    entities[id]!.mentions.push(i);
    return id;
  });
  return { entities, mentionEntity };
}
