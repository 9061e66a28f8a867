// Colours chosen for contrast on the white stage (each >= 3:1 against white, the WCAG bound for graphics) and
// to stay apart for common colour-vision deficiencies (blue / orange / green / purple / grey).
import type { NodeType, RelationType } from '../../src/types.js';

export const NODE_COLORS: Record<NodeType, string> = {
  person: '#1d4ed8',
  organization: '#c2410c',
  place: '#047857',
  role: '#7e22ce',
  article: '#57534e',
};

export const EDGE_COLORS: Record<RelationType, string> = {
  met_with: '#be123c',
  reported_by: '#c2410c',
  holds_role: '#7e22ce',
  credited_to: '#0e7490',
  affiliated_with: '#4d7c0f',
  located_in: '#047857',
  said: '#a21caf',
  mentions: '#a8a29e',
};

/** Relations whose stored direction carries no meaning: drawn without an arrow head. */
export const UNDIRECTED: ReadonlySet<string> = new Set(['met_with']);

export const FADED_NODE = '#d6d3d1';
export const FADED_EDGE = '#f0efee';
export const UNKNOWN = '#78716c';

export const NODE_TYPE_LABEL: Record<NodeType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  role: 'Role',
  article: 'Article',
};

export const RELATION_LABEL: Record<RelationType, string> = {
  met_with: 'met with',
  reported_by: 'reported by',
  holds_role: 'holds role',
  credited_to: 'credited to',
  affiliated_with: 'affiliated with',
  located_in: 'located in',
  said: 'said (quoted in)',
  mentions: 'mentions',
};
