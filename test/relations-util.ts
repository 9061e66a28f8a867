// Test helper for roles, coreference and relations: runs the pipeline after the tagger on names we give it, so
// the tables pin our rules, not the tagger's guesses. Every occurrence of each given name becomes a mention.
import { findRoles } from '../src/ner/roles.js';
import { findRelations } from '../src/relations/index.js';
import { corefer } from '../src/resolve/index.js';
import { analyze } from '../src/text/index.js';
import type { EntityType, Extraction, Mention, Relation } from '../src/types.js';

export type Names = Record<string, Exclude<EntityType, 'role'>>;

export function run(text: string, names: Names, id = 't', date?: string): Extraction {
  const doc = analyze(id, text);
  const found: Mention[] = [];
  // Longer names first, so "Kovacs" inside "Anna Kovacs" is not a mention of its own.
  for (const surface of Object.keys(names).sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`(?<![\\p{L}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + surface.length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const sentence = doc.sentences.find((s) => s.start <= start && end <= s.end);
      if (!sentence) continue;
      found.push({ start, end, type: names[surface]!, text: surface, sentence: sentence.index });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const roles = findRoles(doc, found);
  const mentions = [...found, ...roles].sort((a, b) => a.start - b.start || b.end - a.end);
  const { entities, mentionEntity, links } = corefer(doc, mentions);
  const article = date ? { id, text, date } : { id, text };
  const relations = findRelations(doc, mentions, entities, mentionEntity, article, links);
  return { article, doc, mentions, mentionEntity, entities, relations };
}

/** Relations of one type as "Source -> Target" (met_with as a sorted pair "A ~ B"), with modality when asked. */
export function rels(x: Extraction, type: Relation['type'], withModality = false): string[] {
  const name = (i: number) => (i < 0 ? 'ARTICLE' : x.entities[i]!.name);
  return [
    ...new Set(
      x.relations
        .filter((r) => r.type === type)
        .map((r) => {
          const pair = type === 'met_with' ? [name(r.source), name(r.target)].sort().join(' ~ ') : `${name(r.source)} -> ${name(r.target)}`;
          return withModality ? `${pair} (${r.modality})` : pair;
        }),
    ),
  ].sort();
}
