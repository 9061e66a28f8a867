// Entity resolution: which mentions name the same entity, within an article and across articles.
import type { Doc, EntityType, Extraction, LocalEntity, Mention, MergeRecord } from '../types.js';

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

/** One entity of the whole corpus: becomes one graph node, keyed by `key` (stable: type and canonical name). */
export interface GlobalEntity {
  key: string;
  type: EntityType;
  label: string;
  aliases: string[];
  merges: MergeRecord[];
  of?: string;
}

export interface Resolution {
  entities: GlobalEntity[];
  /** `local[i][j]`: the index in `entities` of local entity j of extraction i. */
  local: number[][];
}

/**
 * Merges the entities of several articles. `known` are entities already in a graph (a build into an existing
 * graph), so that new articles join the nodes that are there. STUB: merges exact type and name only.
 */
export function resolveAcross(extractions: Extraction[], known: GlobalEntity[] = []): Resolution {
  const entities: GlobalEntity[] = known.map((e) => ({ ...e, aliases: [...e.aliases], merges: [...e.merges] }));
  const byKey = new Map(entities.map((e, i) => [e.key, i]));
  const local = extractions.map((x) =>
    x.entities.map((e) => {
      const key = `${e.type}:${e.name.toLowerCase()}`;
      let i = byKey.get(key);
      if (i === undefined) {
        i = entities.length;
        byKey.set(key, i);
        entities.push({ key, type: e.type, label: e.name, aliases: [], merges: [] });
      }
      return i;
    }),
  );
  return { entities, local };
}
