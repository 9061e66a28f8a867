// Relation extraction: met_with, reported_by, holds_role and the others, each with its evidence.
import type { Article, Doc, LocalEntity, Mention, Relation } from '../types.js';

/** STUB: finds no relations yet. */
export function findRelations(
  _doc: Doc,
  _mentions: Mention[],
  _entities: LocalEntity[],
  _mentionEntity: number[],
  _article: Article,
): Relation[] {
  return [];
}
