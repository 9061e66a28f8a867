// Where and when an event took place, when its sentence says so: "in Kuala Lumpur", "on July 10".
import type { Ctx, SentView } from './context.js';

/** The place named with "in"/"at" after `pos` in the sentence (or, failing that, before it). */
export function placeAfter(ctx: Ctx, s: SentView, pos: number): string | undefined {
  const places = s.names.filter((n) => n.type === 'place');
  const withPrep = places.filter((n) => /\b(?:in|at)\s+(?:the\s+)?$/iu.test(ctx.doc.text.slice(Math.max(s.start, n.m.start - 8), n.m.start)));
  const pick = withPrep.find((n) => n.m.start >= pos) ?? withPrep.at(-1);
  return pick ? ctx.entities[pick.e]?.name : undefined;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DATE = new RegExp(
  // Leftmost match wins, so every form may start with "on": "on Thursday, Oct. 19, 2023" is one date.
  '(?:on\\s+)?(?:' +
  [
    `(?:${WEEKDAY},?\\s+)?${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `(?:${WEEKDAY},?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?`,
    `\\d{4}-\\d{2}-\\d{2}`,
    `${MONTH}\\s+\\d{4}`,
    `(?:last|next|this)\\s+${WEEKDAY}`,
    WEEKDAY,
  ].join('|') + ')',
  'u',
);

/** The first date the sentence gives, as written ("July 10", "Friday July 7, 2017", "on Thursday"). */
export function dateIn(text: string): string | undefined {
  const m = DATE.exec(text);
  return m ? m[0].replace(/^on\s+/iu, '') : undefined;
}
