// Splits an evidence sentence into plain and marked pieces. Spans are offsets into the ARTICLE; the sentence
// starts at `ev.start`, so each span is shifted by it. Bad or overlapping spans are dropped, never thrown.
import type { Evidence, Span } from '../../src/types.js';

export type PieceKind = 'text' | 'source' | 'target' | 'cue';
export interface Piece {
  kind: PieceKind;
  text: string;
}

export function evidencePieces(ev: Evidence): Piece[] {
  const text = ev.text ?? '';
  const marks: { kind: PieceKind; s: number; e: number }[] = [];
  const add = (kind: PieceKind, span: Span | undefined) => {
    if (!span) return;
    const s = span[0] - ev.start;
    const e = span[1] - ev.start;
    if (!(s >= 0 && e > s && e <= text.length)) return;
    if (marks.some((m) => s < m.e && e > m.s)) return;
    marks.push({ kind, s, e });
  };
  add('source', ev.source);
  add('target', ev.target);
  add('cue', ev.cue);
  marks.sort((a, b) => a.s - b.s);
  const out: Piece[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.s > at) out.push({ kind: 'text', text: text.slice(at, m.s) });
    out.push({ kind: m.kind, text: text.slice(m.s, m.e) });
    at = m.e;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}
