// The extraction pipeline for one article: text -> Doc -> mentions -> entities -> relations.
// Pure: strings in, data out; no file system or process access.
import { recognize } from './ner/index.js';
import { findRelations } from './relations/index.js';
import { corefer } from './resolve/index.js';
import { analyze } from './text/index.js';
import type { Article, Extraction } from './types.js';

export interface ExtractOptions {
  /** Article id to use when `input` is a plain string. */
  id?: string;
}

export function extract(input: string | Article, options: ExtractOptions = {}): Extraction {
  const article: Article = typeof input === 'string' ? { id: options.id ?? 'text', text: input } : input;
  const doc = analyze(article.id, article.text);
  const mentions = recognize(doc);
  const { entities, mentionEntity } = corefer(doc, mentions);
  const relations = findRelations(doc, mentions, entities, mentionEntity, article);
  return { article, doc, mentions, mentionEntity, entities, relations };
}
