// Roles as mentions of their own: titles such as "Foreign Minister" or "Secretary of State" next to names.
import type { Doc, Mention } from '../types.js';

/** STUB: finds role mentions; `names` are the tagger's person/organization/place mentions. */
export function findRoles(_doc: Doc, _names: Mention[]): Mention[] {
  return [];
}
