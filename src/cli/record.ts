// The JSON record `kg extract` prints for one article: mentions with offsets, relations by entity name.
import { ARTICLE_TARGET } from '../types.js';
import type { Extraction } from '../types.js';

export function extractionRecord(x: Extraction): object {
  const name = (i: number) => (i === ARTICLE_TARGET ? null : x.entities[i]!.name);
  return {
    id: x.article.id,
    mentions: x.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text })),
    relations: x.relations.map((r) => {
      const out: Record<string, unknown> = { type: r.type, source: name(r.source), target: name(r.target) };
      if (r.modality !== undefined) out.modality = r.modality;
      if (r.place !== undefined) out.place = r.place;
      if (r.date !== undefined) out.date = r.date;
      out.sentence = r.evidence.text;
      return out;
    }),
  };
}
