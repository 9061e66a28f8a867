// HTML input: the article's text (title, headings, paragraphs, captions) without the page around it
// (scripts, navigation, share bars, related links, footers), and the page's metadata.
import { Parser } from 'htmlparser2';

export interface HtmlArticle {
  text: string;
  title?: string;
  url?: string;
  date?: string;
  outlet?: string;
}

/** Elements whose whole content is page furniture, never article text. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'form', 'button', 'select', 'textarea',
  'iframe', 'svg', 'canvas', 'object', 'embed', 'head', 'menu', 'dialog',
]);

/** Elements that end a paragraph: their text is kept apart from what comes before and after. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'figure', 'figcaption', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'br', 'hr', 'caption',
  'address', 'body', 'picture',
]);

/**
 * class/id words that mark furniture; matched per word so that "header" does not match "ad". Bylines and
 * author boxes go too: the writer is not someone the story is about.
 */
const CLUTTER_WORD = /^(nav|navbar|navigation|menu|menus|footer|share|sharing|sharebar|social|related|comment|comments|cookie|cookies|consent|newsletter|subscribe|ad|ads|advert|adverts|advertisement|sponsored|promo|breadcrumb|breadcrumbs|sidebar|popup|modal|paywall|recommended|trending|readmore|outbrain|taboola|byline|author|authors|tags|topics)$/;

function isClutter(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const role = attribs.role;
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return true;
  if (attribs.rel === 'author' || attribs.itemprop === 'author') return true;
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  if (names.trim() === '') return false;
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => CLUTTER_WORD.test(w));
}

/** Extracts the readable text and metadata of an HTML page. Never throws: odd markup gives less text. */
export function parseHtml(html: string): HtmlArticle {
  const paragraphs: string[] = [];
  let current = '';
  // One entry per open element: does it (or an ancestor) drop its content?
  const stack: { name: string; drop: boolean }[] = [];
  let inTitle = false;
  let titleText = '';
  let sawH1 = false;
  const meta: Record<string, string> = {};
  let canonical: string | undefined;
  let timeDatetime: string | undefined;

  const dropping = () => stack.length > 0 && stack[stack.length - 1]!.drop;
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const inArticle = () => stack.some((e) => e.name === 'article' || e.name === 'main');

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          if (key && attribs.content && !(key in meta)) meta[key] = attribs.content.trim();
        }
        if (name === 'link' && (attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && attribs.href) {
          canonical ??= attribs.href.trim();
        }
        if (name === 'h1' && !dropping()) sawH1 = true;
        // Pages without article:published_time often date the article with <time datetime> in its header.
        if (name === 'time' && attribs.datetime && !dropping()) timeDatetime ??= attribs.datetime.trim();
        // A page's <header> is the site banner; an <header> inside the article holds its headline and byline.
        const furniture = DROP_TAGS.has(name) || (name === 'header' && !inArticle()) || isClutter(attribs);
        const drop = dropping() || furniture;
        if (BLOCK_TAGS.has(name) && !drop) flush();
        stack.push({ name, drop });
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (!dropping()) current += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        // Pop to the matching element; htmlparser2 closes implied elements itself.
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]!.name === name) {
            const [closed] = stack.splice(i);
            if (BLOCK_TAGS.has(name) && !closed!.drop) flush();
            break;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();

  const title = clean(meta['og:title'] ?? titleText);
  // Without an <h1> the headline would be lost: put the page title first, as a headline would be.
  if (!sawH1 && title && paragraphs[0] !== title) paragraphs.unshift(title);
  const out: HtmlArticle = { text: paragraphs.join('\n\n') };
  if (title) out.title = title;
  const url = canonical ?? meta['og:url'];
  if (url) out.url = url;
  const date = meta['article:published_time'] ?? meta['date'] ?? meta['datepublished'] ?? timeDatetime;
  if (date) out.date = date;
  const outlet = meta['og:site_name'];
  if (outlet) out.outlet = clean(outlet);
  return out;
}

function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
