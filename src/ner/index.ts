// Named entity recognition: people, organizations, places (the tagger) and roles (rules).
import type { Doc, EntityType, Mention } from '../types.js';
import { findRoles } from './roles.js';
import { tagSpans } from './tagger.js';

/** Finds the mentions of a doc, in text order: names from the tagger, then roles beside them. */
export function recognize(doc: Doc): Mention[] {
  return recognizeAll([doc])[0]!;
}

/** `recognize` for many docs, step by step: all their names, then all their roles (see extractAll). */
export function recognizeAll(docs: readonly Doc[]): Mention[][] {
  const names = docs.map(tagNames);
  return docs.map((doc, i) => {
    const roles = findRoles(doc, names[i]!);
    return [...names[i]!, ...roles].sort((a, b) => a.start - b.start || b.end - a.end);
  });
}

const TYPES: (EntityType | null)[] = ['person', 'organization', 'place', null];

/** Person, organization and place names from the trained tagger (MISC names are tagged but not reported). */
function tagNames(doc: Doc): Mention[] {
  const mentions: Mention[] = [];
  for (const sp of tagSpans(doc)) {
    const type = TYPES[sp.cls];
    if (!type) continue;
    const start = doc.tokens[sp.first]!.start, end = doc.tokens[sp.last]!.end;
    mentions.push({ start, end, type, text: doc.text.slice(start, end), sentence: sp.sentence });
  }
  return mentions;
}
