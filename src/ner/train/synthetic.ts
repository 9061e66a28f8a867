// Synthetic sports-page sentences written for this project. None of the training corpora has results tables
// or match reports, where news convention names a club after its town ("Leeds beat Hull 2-1": Leeds is an
// organization) while a national team keeps its country's name as a place. Templates below are ours; the
// names come from the gazetteer lists (npm data packages).
import type { RawSentence } from './corpus.js';

export type Pick = <T>(xs: readonly T[]) => T;
export type Part = [text: string, tag: 'PER' | 'ORG' | 'LOC' | 'O'];

const CLUB_SUFFIX = ['', '', '', 'United', 'City', 'Rovers', 'Athletic', 'Town', 'Wanderers', 'FC', 'County'];
/** Club-name words written before a town's name in many countries (general sports naming, not club names). */
const CLUB_PREFIX = ['Real', 'Sporting', 'Racing', 'Dynamo', 'Inter', 'Olympique', 'Atletico', 'Union', 'Lokomotiv', 'Torpedo', 'Spartak', 'AC', 'FC', 'SC', 'SV', 'VfB', 'AS'];
const VERBS = ['beat', 'drew with', 'lost to', 'edged', 'thrashed', 'held', 'were beaten by'];

export interface SyntheticNames {
  cities: string[];
  regions: string[];
  countries: string[];
  given: string[];
  surnames: string[];
  /**
   * Place names as the training corpora tag them: counties, provinces and towns no gazetteer lists, which the
   * tagger learns as places from the corpora. Clubs are named after them too ("Hampshire beat Kent").
   */
  places: string[];
}

/**
 * `count` sentences in pages of `page` (the training's pseudo-articles): most pages mix tables and prose, some are
 * match reports in prose only, where nothing but the story tells that a town's name is a team.
 */
export function sportsSentences(names: SyntheticNames, count: number, random: () => number, page = 20): RawSentence[] {
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const num = (max: number) => String(Math.floor(random() * max));
  const club = (): Part[] => {
    // Many clubs carry names no gazetteer knows: surnames stand in for those.
    const r = random();
    // A club-name word or an unknown word before the town ("Dynamo X", "Xyz X") is common abroad.
    if (r < 0.12) return [[`${pick(CLUB_PREFIX)} ${pick(names.cities)}`, 'ORG']];
    if (r < 0.2) return [[`${pick(names.surnames)} ${pick(names.cities)}`, 'ORG']];
    const base = r < 0.42 ? pick(names.cities) : r < 0.6 ? pick(names.places) : r < 0.68 ? pick(names.regions) : pick(names.surnames);
    const suffix = pick(CLUB_SUFFIX);
    return [[suffix ? `${base} ${suffix}` : base, 'ORG']];
  };
  // Teams of cycling and motor racing carry their sponsors' names: unknown words, often two.
  const team = (): Part[] => {
    const r = random();
    return [[r < 0.4 ? pick(names.surnames) : r < 0.8 ? `${pick(names.surnames)} ${pick(names.surnames)}` : `${pick(names.surnames)}-${pick(names.surnames)}`, 'ORG']];
  };
  const person = (): Part[] => [[random() < 0.4 ? `${pick(names.given)[0]}. ${pick(names.surnames)}` : `${pick(names.given)} ${pick(names.surnames)}`, 'PER']];
  const country = (): Part[] => [[pick(names.countries), 'LOC']];
  const o = (t: string): Part[] => [[t, 'O']];
  const day = () => pick(['on Saturday', 'on Sunday', 'on Wednesday', 'last week', 'in midweek', 'on the final day']);
  const templates: (() => Part[])[] = [
    () => [...club(), ...o(num(5)), ...club(), ...o(num(5))],
    () => [...club(), ...o(`${num(40)} ${num(20)} ${num(15)} ${num(15)} ${num(60)} ${num(60)} ${num(90)}`)],
    () => [...club(), ...o(pick(VERBS)), ...club(), ...o(`${num(6)}-${num(6)} on ${pick(['Saturday', 'Sunday', 'Wednesday'])} .`)],
    () => [...person(), ...o('scored twice as'), ...club(), ...o(pick(VERBS)), ...club(), ...o('.')],
    () => [...club(), ...o(`${num(400)} and ${num(300)} - ${num(9)} (`), ...person(), ...o(`${num(150)} not out )`)],
    () => [...club(), ...o('('), ...country(), ...o(`) ${num(4)}`), ...club(), ...o('('), ...country(), ...o(`) ${num(4)}`)],
    () => [...country(), ...o(pick(VERBS)), ...country(), ...o(`${num(5)}-${num(5)} in a World Cup qualifier in`), [pick(names.cities), 'LOC'], ...o('.')],
    () => [...o(`${pick(['Striker', 'Midfielder', 'Goalkeeper', 'Captain'])}`), ...person(), ...o('joined'), ...club(), ...o('from'), ...club(), ...o('.')],
    () => [...o('At'), [pick(names.cities), 'LOC'], ...o(':'), ...club(), ...o(num(8)), ...club(), ...o(num(8))],
    // Fixture lists: "X v Y" (capitals in agency tables).
    () => [...club(), ...o(pick(['v', 'V', 'vs', 'vs.'])), ...club()],
    // "X at Y" in a schedule: the visitors, then the home town where the game is played (a place).
    () => [...club(), ...o(pick(['at', 'AT'])), [pick(names.cities), 'LOC']],
    // Individual results, some with the rider's or driver's team after the country (an organization).
    () => [...o(`${1 + Number(num(12))} .`), ...person(), ...o('('), ...country(), ...o(random() < 0.5 ? ')' : ') ,'), ...(random() < 0.4 ? team() : []), ...o(pick([`${num(5)}:${num(60)}`, 'same time', `${num(60)} seconds behind`]))],
    () => [...o(pick(['Saturday :', 'Fixtures :', 'Tonight :'])), ...club(), ...o('v'), ...club(), ...o(','), ...club(), ...o('v'), ...club()],
    // National teams keep their country's name as a place, on results lines too.
    () => [...country(), ...o(num(5)), ...country(), ...o(num(5))],
    () => [...club(), ...o(pick(['beat', 'lost to'])), ...club(), ...o(`by ${1 + Number(num(9))} ${pick(['wickets', 'runs', 'points'])} .`)],
    () => [...club(), ...o(`${num(25)} points ,`), ...club(), ...o(`${num(25)} .`)],
    () => [...club(), ...o(pick(['coach', 'manager', 'captain'])), ...person(), ...o(pick(['said on Sunday .', 'was sacked .', 'praised his players .']))],
    () => [...o(pick(['Scorers :', 'Teams :', 'Result :'])), ...club(), ...o(`${num(6)}`), ...club(), ...o(`${num(6)} ( halftime ${num(3)}-${num(3)} )`)],
    // Individual sports: people with their country in brackets, scores after.
    () => [...person(), ...o('('), ...country(), ...o(') beat'), ...person(), ...o('('), ...country(), ...o(`) ${num(7)}-${num(7)} ${num(7)}-${num(7)}`)],
    () => [...o(`${1 + Number(num(8))} .`), ...person(), ...o('('), ...country(), ...o(`) ${num(60)}.${num(99)}`)],
    () => [...person(), ...o(pick(['won the', 'retained his', 'lost the', 'took the'])), [pick(names.cities), 'LOC'], ...o(pick(['Open', 'Grand Prix', 'marathon', 'title'])), ...o('.')],
    // Team sheets: a club or country, then its players.
    () => {
      const parts: Part[] = [...(random() < 0.5 ? club() : country()), ...o(':')];
      const k = 3 + Math.floor(random() * 8);
      for (let i = 0; i < k; i++) parts.push(...(i ? o(',') : []), [random() < 0.5 ? pick(names.surnames) : `${pick(names.given)} ${pick(names.surnames)}`, 'PER']);
      return parts;
    },
    // Datelines and table headers.
    () => [[pick(names.cities), 'LOC'], ...o(`${1990 + Number(num(35))}-0${1 + Number(num(9))}-${10 + Number(num(18))}`)],
    () => [[pick(names.cities), 'LOC'], ...o(','), ...country(), ...o(`${1990 + Number(num(35))}-0${1 + Number(num(9))}-${10 + Number(num(18))}`)],
    () => [...club(), ...o(`${num(90)} ${num(90)} .${100 + Number(num(899))} ${num(20)}`)],
    // Cricket scorecards: initial and surname, caught (c) and bowled (b) by others.
    () => [...person(), ...o('c'), [pick(names.surnames), 'PER'], ...o('b'), [pick(names.surnames), 'PER'], ...o(num(120))],
    () => [...person(), ...o('not out'), ...o(num(150))],
    () => [...o(['P', 'W', 'D', 'L', 'F', 'A', 'PTS', 'PCT', 'GB'].filter(() => random() < 0.6).join(' ') || 'W L')],
    () => [...o(pick(['SOCCER', 'TENNIS', 'CRICKET', 'GOLF', 'RUGBY', 'BASEBALL', 'ATHLETICS', 'CYCLING'])), ...o('-'), ...person(), ...o(pick(['RETIRES', 'WINS', 'SIGNS FOR', 'OUT OF'])), ...o(pick(['AGAIN', 'TITLE', 'FINAL', '']))],
  ];
  // National sides keep their country's name as a place in match reports too ("X beat Y by six wickets").
  const side = (): Part[] => (random() < 0.3 ? country() : club());
  const prose: (() => Part[])[] = [
    templates[3]!,
    templates[7]!,
    () => [...side(), ...o(pick(['won', 'lost'])), ...o(`by ${1 + Number(num(9))} ${pick(['wickets', 'runs', 'goals'])}`), ...o(day()), ...o(pick(['to go top of the table .', 'and stay in the bottom three .', '.']))],
    () => [...o('The'), ...club(), ...o(pick(['captain', 'coach', 'manager', 'goalkeeper'])), ...person(), ...o(pick(['said his side had deserved the win .', 'was fined after the game .', 'blamed the weather .']))],
    () => [...side(), ...o(`were ${num(300)} for ${num(9)} at the close against`), ...side(), ...o('.')],
    () => [...person(), ...o(pick(['hit a century for', 'took five wickets for', 'scored twice for'])), ...country(), ...o(pick(['against', 'in the match with'])), ...country(), ...o('.')],
    () => [...o(pick(['Rain washed out play as', 'Earlier ,', 'In the other game ,'])), ...club(), ...o(pick(['held', 'beat', 'lost to', 'drew with'])), ...club(), ...o(day()), ...o('.')],
    () => [...person(), ...o(pick(['hit a century for', 'scored the winner for', 'was sent off for', 'signed a new contract with'])), ...club(), ...o(pick(['against', 'before the game with'])), ...club(), ...o('.')],
    () => [...o(pick(['Their match against', 'The game with', 'The visit of'])), ...club(), ...o(pick(['was abandoned .', 'drew a crowd of', 'ends the season .'])), ...o(num(30000))],
    () => [...club(), ...o(pick(['play', 'meet', 'face'])), ...club(), ...o('at'), [pick(names.cities), 'LOC'], ...o(pick(['next week .', 'in the final .', 'on Tuesday .']))],
    () => [...person(), ...o(', who joined'), ...club(), ...o('from'), ...club(), ...o(pick(['last season ,', 'in June ,'])), ...o(pick(['scored twice .', 'was injured .', 'kept a clean sheet .']))],
    () => [...o('He was called up by'), ...country(), ...o(pick(['for the World Cup .', 'for the tour of'])), ...country()],
    // County and club sides as the subject of a match report, where only the story says they are teams.
    () => [...side(), ...o(`still need ${num(250)} runs to beat`), ...side(), ...o(`with ${1 + Number(num(8))} wickets left .`)],
    () => [...o(pick(['Their nearest rivals', 'The leaders', 'The champions'])), ...club(), ...o(','), ...club(), ...o('and'), ...club(), ...o(pick(['all won .', 'are level on points .', 'dropped points at home .']))],
    () => [...o(pick(['At the close', 'At tea', 'At lunch on the second day'])), ...side(), ...o(pick(['had made', 'were'])), ...o(`${num(400)} for ${num(9)} .`)],
    () => [...club(), ...o(pick(['stayed in the title race by beating', 'went top after a win over', 'slumped to a home defeat against', 'bowled out'])), ...club(), ...o(pick(['.', `for ${num(200)} .`]))],
    () => [...person(), ...o(pick(["'s hundred gave", "'s late goal gave", "'s five wickets gave"])), ...club(), ...o(pick(['a win over', 'victory against'])), ...club(), ...o('.')],
    () => [...club(), ...o("'s"), ...person(), ...o(pick(['was sent off', 'hit the post', 'took four wickets', 'made 80'])), ...o(day()), ...o('.')],
    () => [...o(pick(['The defeat was', 'The win was'])), ...club(), ...o(`'s ${pick(['third', 'fourth', 'sixth'])} in a row .`)],
  ];
  const out: RawSentence[] = [];
  let proseOnly = false;
  for (let i = 0; i < count; i++) {
    if (i % page === 0) proseOnly = random() < 0.35;
    const upper = !proseOnly && random() < 0.25;
    out.push(toSentence(pick(proseOnly ? prose : templates)(), upper));
  }
  return out;
}

/** Splits the parts into tokens with IOB2 tags, in capitals when `upper`. */
export function toSentence(parts: Part[], upper = false): RawSentence {
  const tokens: string[] = [], tags: string[] = [];
  for (const [text, tag] of parts) {
    text.split(' ').forEach((tok, k) => {
      if (!tok) return;
      tokens.push(upper ? tok.toUpperCase() : tok);
      tags.push(tag === 'O' ? 'O' : `${k === 0 ? 'B' : 'I'}-${tag}`);
    });
  }
  return { tokens, tags };
}
