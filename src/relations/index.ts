// Relation extraction: met_with, reported_by, holds_role and the others, each with its evidence.
import type { RoleLink } from '../ner/roles.js';
import type { Article, Doc, LocalEntity, Mention, Relation } from '../types.js';
import { findAffiliations, findLocations, findRoleRelations } from './attributes.js';
import { buildContext } from './context.js';
import { findMeetings } from './meetings.js';
import { findCredits, findDigestReports, findReports, findSaid } from './reports.js';

export { modalityOf } from './modality.js';

/**
 * All relations of one article, one per (type, source, target, modality, sentence), in text order. `links` are
 * the role links coreference found (Coreference.links); without them they are found again.
 */
export function findRelations(
  doc: Doc,
  mentions: Mention[],
  entities: LocalEntity[],
  mentionEntity: number[],
  article: Article,
  links?: RoleLink[],
): Relation[] {
  const ctx = buildContext(doc, mentions, entities, mentionEntity, article, links);
  const all = [
    ...findRoleRelations(ctx),
    ...findMeetings(ctx),
    ...findReports(ctx),
    ...findDigestReports(ctx),
    ...findCredits(ctx),
    ...findSaid(ctx),
    ...findAffiliations(ctx),
    ...findLocations(ctx),
  ];
  const seen = new Set<string>();
  const out: Relation[] = [];
  for (const r of all) {
    // met_with is symmetric: one edge per pair and sentence, whatever the cue that found it.
    const [a, b] = r.type === 'met_with' && r.source > r.target ? [r.target, r.source] : [r.source, r.target];
    const key = `${r.type}|${a}|${b}|${r.modality ?? ''}|${r.evidence.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out.sort((x, y) => x.evidence.sentence - y.evidence.sentence || (x.evidence.cue?.[0] ?? 0) - (y.evidence.cue?.[0] ?? 0));
}
