// The cue words of speech and of meetings. buildContext matches them in every sentence once, with one pattern, so
// that the finders read only the sentences that hold any (most hold neither).
import { asciiWordPattern, type AsciiWordPattern } from '../text/matches.js';

/** Verbs of speech: "said", "told", "as saying". */
export const SAY = asciiWordPattern(
  /\b(?:said|says|say|stated|states|added|adds|noted|notes|declared|insisted|warned|explained|announced|asserted|argued|acknowledged|remarked|replied|wrote|tweeted|commented|told|tells|reiterated|stressed|emphasi[sz]ed|claimed|admitted|confirmed|(?:as )?saying)\b/giu,
);

export type CueKind = 'verb' | 'noun';

/** Event words. A verb's subject is before it and its object after; a noun's parties are found by its context. */
export const MEETING_CUES: [CueKind, AsciiWordPattern][] = [
  [
    'verb',
    asciiWordPattern(/\b(?:met|meets|meet|meeting|greeted|greets|greet|greeting|received|receives|receive|hosted|hosts|host|hosting|visited|visits|visit|welcomed|welcomes|welcome|embraced|hugged|(?:shook|shake|shakes|shaking) hands with|(?:sat|sit|sits|sitting) down with|conferred with|confer with|(?:discussed|discusses|discuss|negotiated|negotiates) with|(?:talked|talk|spoke|speaks|speak) (?:with|to)|(?:held|hold|holds|holding|had|has|have|having) (?:talks|a meeting|meetings|a summit|a telephone conversation|a phone call|a call|discussions|a conversation) with|telephoned|phoned|(?:called|calls) on)\b/giu),
  ],
  [
    'noun',
    asciiWordPattern(/\b(?:talks|meeting|meetings|summit|summits|negotiations|encounter|conversation|telephone conversation|phone call|tete-a-tete|handshake|discussions)\b/giu),
  ],
];

/**
 * Verbs of speech (captured) and meeting cues of either kind in one pattern: one scan of a sentence finds both,
 * for about half the cost of two. Its captured matches are exactly SAY's, and it matches a meeting cue exactly when
 * one of MEETING_CUES does, because no word is both (checked below): a match of one kind can neither start where
 * one of the other kind would nor cover it.
 */
export const SAY_OR_MEETING = asciiWordPattern(
  new RegExp(`\\b(?:(${inner(SAY)})|${MEETING_CUES.map(([, cues]) => inner(cues)).join('|')})\\b`, 'giu'),
);

/** The alternation inside a word pattern's \b(?:...)\b. */
function inner(p: AsciiWordPattern): string {
  return p.unicode.source.slice('\\b(?:'.length, -')\\b'.length);
}

/** Each word of a word pattern (a letter class such as [sz] splits its word: the check errs on the safe side). */
const wordsOf = (p: AsciiWordPattern): string[] => inner(p).match(/[a-z]+/g) ?? [];
const SAY_WORDS = new Set(wordsOf(SAY));
const shared = MEETING_CUES.flatMap(([, cues]) => wordsOf(cues)).filter((w) => SAY_WORDS.has(w));
if (shared.length) throw new TypeError(`relations/cue-words: "${shared.join('", "')}" is both a verb of speech and a meeting cue word`);
