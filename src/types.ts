// The data that flows through the pipeline: Article -> Doc -> Mention[] -> Entity[] -> Relation[] -> graph.
// Every mention and relation points into the article text by character offsets (end exclusive).

export const ENTITY_TYPES = ['person', 'organization', 'place', 'role'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const NODE_TYPES = [...ENTITY_TYPES, 'article'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const RELATION_TYPES = [
  'met_with', // person <-> person (stored source -> target, direction carries no meaning)
  'reported_by', // entity whose words or deeds are reported -> news organization
  'holds_role', // person -> role
  'credited_to', // person or entity in a photo -> the agency credited for it
  'affiliated_with', // person -> organization (spokesperson of, member of)
  'located_in', // place -> place, organization -> place
  'said', // person -> article, where the person is quoted
  'mentions', // article -> entity
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const MODALITIES = ['occurred', 'planned', 'proposed', 'cancelled', 'denied', 'hedged'] as const;
export type Modality = (typeof MODALITIES)[number];

/** One input article. `id` is unique within a build; `source` names the file it came from. */
export interface Article {
  id: string;
  text: string;
  title?: string;
  url?: string;
  date?: string;
  outlet?: string;
  source?: string;
}

export interface Token {
  start: number;
  end: number;
  text: string;
}

/** A sentence is a view into the doc: its span and its range of tokens in `Doc.tokens`. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

/** A stretch of text left out of extraction (share links, "You May Also Like" blocks, photo credits...). */
export interface Dropped {
  start: number;
  end: number;
  reason: string;
}

export interface Doc {
  id: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  dropped: Dropped[];
}

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** Index of the sentence in `Doc.sentences`. */
  sentence: number;
  /** For roles: the organization or country the title belongs to ("Russia" for "Russian Foreign Minister"). */
  of?: string;
}

/** How an alias joined its entity, so that a user can see why two names are one node. */
export interface MergeRecord {
  name: string;
  rule: string;
}

/** An entity within one article: the mentions that name it, resolved to one canonical name. */
export interface LocalEntity {
  id: number;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number[];
  merges: MergeRecord[];
  of?: string;
}

export type Span = [start: number, end: number];

export interface Evidence {
  article: string;
  /** Index of the sentence in the article's `Doc.sentences`. */
  sentence: number;
  /** The sentence's span in the article text, and its text. */
  start: number;
  end: number;
  text: string;
  source?: Span;
  target?: Span;
  cue?: Span;
}

/** The `target` of a relation that points at the article itself (`said`: a person quoted in it). */
export const ARTICLE_TARGET = -1;

/** A relation between two entities of one article (indices into `Extraction.entities`). */
export interface Relation {
  type: RelationType;
  source: number;
  /** An index into `Extraction.entities`, or ARTICLE_TARGET. */
  target: number;
  modality?: Modality;
  place?: string;
  date?: string;
  evidence: Evidence;
}

export interface Extraction {
  article: Article;
  doc: Doc;
  mentions: Mention[];
  /** For each mention, the index of its entity in `entities`. */
  mentionEntity: number[];
  entities: LocalEntity[];
  relations: Relation[];
}

// ---- Graph attributes (graphology export is the on-disk format) ----

export interface NodeAttributes {
  label: string;
  type: NodeType;
  aliases: string[];
  mentions: number;
  articles: string[];
  x: number;
  y: number;
  size?: number;
  merges?: MergeRecord[];
  of?: string;
  /** Article nodes only. */
  title?: string;
  url?: string;
  date?: string;
  outlet?: string;
}

export interface EdgeAttributes {
  type: RelationType;
  weight: number;
  evidence: Evidence[];
  modality?: Modality;
  place?: string;
  date?: string;
}
