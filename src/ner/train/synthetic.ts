// Synthetic sports-page sentences written for this project. None of the training corpora has results tables
// or match reports, where news convention names a club after its town ("Leeds beat Hull 2-1": Leeds is an
// organization) while a national team keeps its country's name as a place. Templates below are ours; the
// names come from the gazetteer lists (npm data packages).
import type { RawSentence } from './corpus.js';

type Pick = <T>(xs: readonly T[]) => T;
type Part = [text: string, tag: 'PER' | 'ORG' | 'LOC' | 'O'];

const CLUB_SUFFIX = ['', '', '', 'United', 'City', 'Rovers', 'Athletic', 'Town', 'Wanderers', 'FC', 'County'];
const VERBS = ['beat', 'drew with', 'lost to', 'edged', 'thrashed', 'held', 'were beaten by'];

export interface SyntheticNames {
  cities: string[];
  regions: string[];
  countries: string[];
  given: string[];
  surnames: string[];
}

export function sportsSentences(names: SyntheticNames, count: number, random: () => number): RawSentence[] {
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const num = (max: number) => String(Math.floor(random() * max));
  const club = (): Part[] => {
    // Many clubs carry names no gazetteer knows: surnames stand in for those.
    const r = random();
    const base = r < 0.5 ? pick(names.cities) : r < 0.6 ? pick(names.regions) : pick(names.surnames);
    const suffix = pick(CLUB_SUFFIX);
    return [[suffix ? `${base} ${suffix}` : base, 'ORG']];
  };
  const person = (): Part[] => [[random() < 0.4 ? `${pick(names.given)[0]}. ${pick(names.surnames)}` : `${pick(names.given)} ${pick(names.surnames)}`, 'PER']];
  const country = (): Part[] => [[pick(names.countries), 'LOC']];
  const o = (t: string): Part[] => [[t, 'O']];
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
  const out: RawSentence[] = [];
  for (let i = 0; i < count; i++) {
    const parts = pick(templates)();
    const upper = random() < 0.25;
    const tokens: string[] = [], tags: string[] = [];
    for (const [text, tag] of parts) {
      text.split(' ').forEach((tok, k) => {
        if (!tok) return;
        tokens.push(upper ? tok.toUpperCase() : tok);
        tags.push(tag === 'O' ? 'O' : `${k === 0 ? 'B' : 'I'}-${tag}`);
      });
    }
    out.push({ tokens, tags });
  }
  return out;
}
