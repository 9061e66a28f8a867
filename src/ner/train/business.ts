// Synthetic business-page sentences written for this project. Company news names a firm once in full ("X
// Industries Inc") and then by its bare name, which is most often a family name or a made-up word ("X said its
// profit rose"): the training corpora have too few such pages, so the tagger read a lone "X" as a person. Foreign
// newspapers and news agencies ("Le X", "the X news agency") are the same kind of name. Templates are ours; the
// names come from the gazetteer lists (npm data packages).
import type { RawSentence } from './corpus.js';
import { type Part, type Pick, type SyntheticNames, toSentence } from './synthetic.js';

/** Legal forms and company-name endings (general-purpose). */
const FULL_FORMS = ['Inc', 'Corp', 'Ltd', 'Plc', 'SA', 'AG', 'SpA', 'NV', 'Group', 'Holdings', 'Industries Inc', 'International Ltd', 'Motor Corp', 'Electric Co', 'Bank', 'Airlines'];
/** Articles that open many newspaper names abroad. */
const PAPER_ARTICLES = ['Le', 'La', 'Der', 'Die', 'El', 'Il', 'Al', 'De', 'Het'];
const PAPER_WORDS = ['Zeitung', 'Gazette', 'Times', 'Post', 'Herald', 'Tribune', 'Daily', 'Journal', 'Courier', 'Express'];
/** Institution names that agencies shorten to initials ("Dhaka Stock Exchange ( DSE )"). */
const INSTITUTIONS = ['Stock Exchange', 'Democratic Party', 'National Congress', 'Workers Union', 'Chamber of Commerce', 'Football Association', 'Airport Authority', 'Central Bank', 'Liberation Front', 'Press Agency'];
const GOODS = ['cables', 'tyres', 'steel pipes', 'software', 'car seats', 'cement', 'paper', 'chemicals'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** `count` sentences in pages of `page`, each page about one company, with its people and the papers that cover it. */
export function businessSentences(names: SyntheticNames, count: number, random: () => number, page = 20): RawSentence[] {
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const num = (max: number) => String(1 + Math.floor(random() * max));
  const o = (t: string): Part[] => [[t, 'O']];
  const org = (t: string): Part[] => [[t, 'ORG']];
  const bareName = () => (random() < 0.85 ? pick(names.surnames) : `${pick(names.surnames)} ${pick(names.surnames)}`);
  const paperName = () => {
    const r = random();
    return r < 0.4 ? `${pick(PAPER_ARTICLES)} ${pick(names.surnames)}` : r < 0.7 ? `${pick(names.surnames)} ${pick(PAPER_WORDS)}` : bareName();
  };
  const out: RawSentence[] = [];
  let co = '', full = '', rival = '', paper = '', agency = '', acronym = '', given = '', surname = '';
  for (let i = 0; i < count; i++) {
    if (i % page === 0) {
      co = bareName();
      full = `${co} ${pick(FULL_FORMS)}`;
      rival = bareName();
      paper = paperName();
      const place = pick(names.cities);
      const inst = pick(INSTITUTIONS);
      agency = `${place} ${inst}`;
      acronym = (place[0]! + inst.split(' ').filter((w) => w !== 'of').map((w) => w[0]).join('')).toUpperCase();
      given = pick(names.given);
      surname = pick(names.surnames);
      // The page opens with the company's full name more often than not.
      if (random() < 0.6) {
        out.push(toSentence([...org(full), ...o(`said on ${pick(DAYS)} it would buy`), ...org(rival), ...o(`for $ ${num(900)} million .`)]));
        continue;
      }
    }
    const person: Part[] = [[random() < 0.5 ? `${given} ${surname}` : surname, 'PER']];
    const kinds: (() => Part[])[] = [
      () => [...org(co), ...o(`said on ${pick(DAYS)} its net profit rose to ${num(90)} million from ${num(90)} million .`)],
      () => [...org(co), ...o(`shares ${pick(['rose', 'fell', 'closed down'])} ${num(9)} percent .`)],
      () => [...o('Shares in'), ...org(co), ...o(`${pick(['rose', 'fell'])} ${num(20)} pence .`)],
      () => [...o('" This is good news for'), ...org(co), ...o(', " said'), ...person, ...o(', an analyst at'), ...org(rival), ...o('.')],
      () => [...org(co), ...o(pick(["'s chairman", "'s chief executive", ' finance director'])), ...person, ...o('said the group would cut costs .')],
      () => [...org(co), ...o(', based in'), [pick(names.cities), 'LOC'], ...o(`, makes ${pick(GOODS)} .`)],
      () => [...o('The deal gives'), ...org(co), ...o('control of'), ...org(rival), ...o("'s plant .")],
      () => [...org(co), ...o(`said in a statement the order was worth ${num(500)} million .`)],
      () => [...org(co), ...o('is linking with'), ...org(rival), ...o('in a venture that will make'), ...o(pick(GOODS)), ...o('.')],
      () => [...person, ...o('said'), ...org(co), ...o(`would hire ${num(900)} workers .`)],
      // The people of the page are named by their surname alone as well: a bare name is not always the firm.
      () => [[surname, 'PER'], ...o(pick(['said he expected', 'told reporters he saw', 'declined to comment on'])), ...o(pick(['a better year .', 'the talks .', 'job cuts .']))],
      () => [...o(`" We are ${pick(['pleased', 'confident', 'disappointed'])} , " said`), [surname, 'PER'], ...o('.')],
      () => [...person, ...o(pick([', who joined', ', who left'])), ...org(co), ...o(`in ${1980 + Number(num(20))} , said he was pleased .`)],
      () => [...org(paper), ...o(pick(['said', 'reported'])), ...o(`on ${pick(DAYS)} that`), ...org(co), ...o(`planned to cut ${num(900)} jobs .`)],
      () => [...o(pick(['The daily', 'The newspaper', 'The weekly', 'The business daily'])), ...org(paper), ...o('said the talks had failed .')],
      () => [...org(paper), ...o(pick(['newspaper', 'daily'])), ...o('quoted'), ...person, ...o('as saying the price was too high .')],
      () => [...o('In an interview with'), ...org(paper), ...o(','), ...person, ...o('said'), ...org(co), ...o('was not for sale .')],
      () => [...o('The'), ...org(pick(names.surnames)), ...o(pick(['news agency', 'agency'])), ...o('reported the deal on'), ...o(pick(DAYS)), ...o('.')],
      () => [...o('The'), ...org(agency), ...o('('), ...org(acronym), ...o(') said it would look into the deal .')],
      () => [...o('The'), ...org(acronym), ...o(pick(['index', 'board', 'statement'])), ...o(`${pick(['rose', 'fell', 'said'])} ${num(9)} points .`)],
      () => [...org(acronym), ...o(pick(['officials said', 'said on Friday'])), ...o('that'), ...org(co), ...o('had broken no rules .')],
    ];
    out.push(toSentence(pick(kinds)()));
  }
  return out;
}
