// Named entity recognition: people, organizations, places (the tagger) and roles (rules).
import type { Doc, Mention } from '../types.js';
import { findRoles } from './roles.js';

/** Finds the mentions of a doc, in text order: names from the tagger, then roles beside them. */
export function recognize(doc: Doc): Mention[] {
  const names = tagNames(doc);
  const roles = findRoles(doc, names);
  return [...names, ...roles].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** STUB: replaced by the trained tagger. */
function tagNames(doc: Doc): Mention[] {
  const mentions: Mention[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const t = doc.tokens[i]!;
      if (!/^\p{Lu}\p{Ll}+$/u.test(t.text)) continue;
      let j = i + 1;
      while (j < s.tokenEnd && /^\p{Lu}\p{Ll}+$/u.test(doc.tokens[j]!.text)) j++;
      const end = doc.tokens[j - 1]!.end;
      mentions.push({ start: t.start, end, type: j - i > 1 ? 'person' : 'place', text: doc.text.slice(t.start, end), sentence: s.index });
      i = j;
    }
  }
  return mentions;
}
