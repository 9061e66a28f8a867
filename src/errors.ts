// Typed errors of the library. Only the CLI prints them; messages say where, what, and what to do.

export const ERROR_CODES = [
  'E_INPUT', // an input file or line cannot be read as an article
  'E_NO_ARTICLES', // nothing could be read at all
  'E_GRAPH_LOAD', // a graph file is missing or not a graphology export
  'E_GRAPH_WRITE', // the graph could not be written
  'E_NOT_FOUND', // no entity by that name
  'E_AMBIGUOUS', // several entities by that name
  'E_MODEL', // the NER model file is missing or damaged
  'E_USAGE', // wrong arguments
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class KgError extends Error {
  readonly code: ErrorCode;
  /** Extra data for the caller (e.g. the candidates of an ambiguous name). */
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'KgError';
    this.code = code;
    this.details = details;
  }
}
