// Clutter of text copied from web pages: share links, social handles, cookie and subscribe lines, and the
// "You May Also Like" / "Related" / "Read more" blocks that list other stories. Their names must not enter the
// graph. The rules look at the shape of a line, never at a particular site.
import type { Dropped } from '../types.js';
import { allMatches } from './matches.js';

/** Headers that open a block of links to other stories; the block runs to the end of the page or its end. */
const BLOCK_HEADER =
  /^(?:you (?:may|might) (?:also )?like|you may have missed|related(?: (?:articles?|stories|news|posts|content|coverage|reading|links))?|read (?:more|next|also)|also read|more (?:stories|news|from [\p{L} .'’-]{1,40}|on this story|to read)|recommended(?: (?:for you|stories|articles|reading))?|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|popular (?:stories|now|articles)|top stories|latest (?:news|stories)|don['’]t miss|editor['’]?s['’]? picks?|up next|what to read next|sponsored(?: content| stories)?|around the web|from (?:our|the) partners?|more in [\p{L} .'’-]{1,30}|you might be interested in|further reading|see also)\s*[:.…-]?$/iu;

/** A "Read more: ..." or "Related: ..." line that links one story inline. */
const INLINE_LINK = /^(?:read (?:more|also|next)|also read|related|see also|more|recommended|watch|listen|click here)\s*[:|»>-]\s*\S/iu;

/** Share buttons and social links. */
const SHARE = /^(?:share(?: this(?: article| story| post)?)?|share on \p{L}+|tweet(?: this)?|email|print|copy link|pin it|whatsapp|facebook|twitter|linkedin|reddit|telegram)\b/iu;

/** Cookie, subscription, newsletter and page-furniture lines. */
const FURNITURE =
  /\b(?:cookies?|subscribe|subscription|sign up for|newsletter|all rights reserved|copyright|privacy policy|terms of (?:use|service)|advertisement|advertising|click here|log ?in to|sign in to|accept all|manage preferences|follow us|follow (?:him|her|them) on|download (?:our|the) app|get the app|comments? \(\d+\))/iu;

/** A social handle or site name ("@someone", "@site.com"). */
const HANDLE = /(?:^|[\s(])@[\p{L}\p{N}_.]+/gu;

const MAX_FURNITURE_LINE = 200;

/** Finds the clutter in a text: spans to leave out, each with the reason. Sorted, non-overlapping. */
export function findClutter(text: string): Dropped[] {
  const out: Dropped[] = [];
  const lines = splitLines(text);
  for (let li = 0; li < lines.length; li++) {
    const { start, end, body } = lines[li]!;
    if (!body) continue;
    if (BLOCK_HEADER.test(body)) {
      // The block: this header and the teaser lines after it, until prose of the article comes back.
      let last = li;
      for (let k = li + 1; k < lines.length; k++) {
        const b = lines[k]!.body;
        if (!b) continue;
        if (isProse(b) && !/(?:…|\.\.\.)$/.test(b)) break;
        last = k;
      }
      out.push({ start, end: lines[last]!.end, reason: `block: ${body.replace(/[:.…-]+$/, '').toLowerCase()}` });
      li = last;
      continue;
    }
    if (INLINE_LINK.test(body) && body.length <= MAX_FURNITURE_LINE) {
      out.push({ start, end, reason: 'related link' });
      continue;
    }
    if (body.length <= MAX_FURNITURE_LINE && SHARE.test(body) && (body.length < 60 || HANDLE.test(body))) {
      HANDLE.lastIndex = 0;
      out.push({ start, end, reason: 'share link' });
      continue;
    }
    HANDLE.lastIndex = 0;
    if (body.length <= MAX_FURNITURE_LINE && FURNITURE.test(body)) {
      out.push({ start, end, reason: 'page furniture' });
      continue;
    }
    // A line made only of handles ("@someone @other"), or a byline's handle: the handle alone is dropped.
    // (Most lines have no "@": they skip the regex.)
    if (!body.includes('@')) continue;
    for (const m of allMatches(HANDLE, body)) {
      const lead = m[0].length - m[0].trimStart().length;
      const hs = start + (lines[li]!.lead) + m.index + lead;
      out.push({ start: hs, end: hs + m[0].trimStart().length, reason: 'social handle' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Line {
  start: number; // of the trimmed body
  end: number;
  body: string;
  lead: number; // 0: start already points at the body
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    lines.push({ start: pos + lead, end: pos + lead + body.length, body, lead: 0 });
    pos += raw.length + 1;
  }
  return lines;
}

/** A paragraph of article prose: long, with sentences ending in punctuation. */
function isProse(line: string): boolean {
  if (!/[.!?"”’)]$/.test(line)) return false;
  const sentences = line.match(/[.!?]["”’)]?(?:\s|$)/g)?.length ?? 0;
  // Teasers are one sentence cut short; prose is two sentences or more, or one long one.
  return (line.length >= 150 && sentences >= 2) || line.length >= 250;
}
