// Relation extraction: met_with, reported_by, holds_role and the others, each with its evidence.
import type { RoleLink } from '../ner/roles.js';
import type { Article, Doc, LocalEntity, Mention, Relation } from '../types.js';
import { findPairRelations, findRoleRelations } from './attributes.js';
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
  // concat, not spread, and no destructuring below: this runs once per article, mostly before V8 optimizes it,
  // and spread and destructuring run the iterator protocol there.
  const affiliations: Relation[] = [];
  const locations: Relation[] = [];
  findPairRelations(ctx, affiliations, locations);
  const all = findRoleRelations(ctx).concat(
    findMeetings(ctx),
    findReports(ctx),
    findDigestReports(ctx),
    findCredits(ctx),
    findSaid(ctx),
    affiliations,
    locations,
  );
  const seen = new Set<string>();
  const out: Relation[] = [];
  for (let k = 0; k < all.length; k++) {
    const r = all[k]!;
    // Half the relations are `said`, and they need no key: findSaid gives one per speaker and sentence.
    if (r.type === 'said') {
      out.push(r);
      continue;
    }
    // met_with is symmetric: one edge per pair and sentence, whatever the cue that found it.
    const swap = r.type === 'met_with' && r.source > r.target;
    const key = `${r.type}|${swap ? r.target : r.source}|${swap ? r.source : r.target}|${r.modality ?? ''}|${r.evidence.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out.sort((x, y) => x.evidence.sentence - y.evidence.sentence || (x.evidence.cue?.[0] ?? 0) - (y.evidence.cue?.[0] ?? 0));
}
