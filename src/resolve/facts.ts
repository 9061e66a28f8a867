// What coreference asks of a name (is it a city, a country, an acronym; its legal-form core...), each answer
// worked out once per distinct name. Coreference asks these of every item, often of every pair of items, and the
// same names recur in article after article: one record per name, found by one look-up, answers them all.
import { memoize } from '../memo.js';
import { countryOfModifier, countryOfName } from './countries.js';
import { isCityForm } from './gazetteers.js';
import { acronymsOf, lettersOfAcronym, normName, orgCore } from './names.js';
import { companyHead, orgCoreWord } from './org-forms.js';

/** Marks an answer not yet worked out (the answers themselves may be `undefined`). */
const ASK = Symbol('facts.ask');
type Lazy<T> = T | typeof ASK;

/**
 * The answers about one name, each worked out when first asked for. The fields are assigned in the constructor,
 * not declared with initializers: a class field is defined property by property, which costs far more in the
 * V8 baseline code most of a run's coreference runs in.
 */
export class NameFacts {
  declare readonly name: string;
  /** The name's comparison form (`normName`): city, country and modifier are all asked of it. */
  declare readonly norm: string;
  private declare cityAnswer: Lazy<boolean>;
  private declare countryAnswer: Lazy<string | undefined>;
  private declare modifierAnswer: Lazy<string | undefined>;
  private declare acronymAnswer: Lazy<string | undefined>;
  private declare coreAnswer: Lazy<string>;
  private declare headAnswer: Lazy<string | undefined>;
  private declare coreWordAnswer: Lazy<string | undefined>;
  private declare lettersAnswer: Lazy<number>;
  private declare acronymsAnswer: Lazy<readonly string[]>;

  constructor(name: string, norm?: string) {
    this.name = name;
    this.norm = norm ?? normName(name);
    this.cityAnswer = ASK;
    this.countryAnswer = ASK;
    this.modifierAnswer = ASK;
    this.acronymAnswer = ASK;
    this.coreAnswer = ASK;
    this.headAnswer = ASK;
    this.coreWordAnswer = ASK;
    this.lettersAnswer = ASK;
    this.acronymsAnswer = ASK;
  }

  /** A known city (see gazetteers.ts). */
  get city(): boolean {
    if (this.cityAnswer === ASK) this.cityAnswer = isCityForm(this.norm);
    return this.cityAnswer;
  }

  /** The common name of the country the name writes, if it is one. */
  get country(): string | undefined {
    if (this.countryAnswer === ASK) this.countryAnswer = countryOfName(this.name, this.norm);
    return this.countryAnswer;
  }

  /** The country the name names as a demonym or modifier ("Russian"). */
  get modifierCountry(): string | undefined {
    if (this.modifierAnswer === ASK) this.modifierAnswer = countryOfModifier(this.name, this.norm);
    return this.modifierAnswer;
  }

  /** The letters of the acronym the name is ("U.N." -> "UN"), if it looks like one. */
  get acronym(): string | undefined {
    if (this.acronymAnswer === ASK) this.acronymAnswer = lettersOfAcronym(this.name);
    return this.acronymAnswer;
  }

  /** The acronyms the name can be shortened to (shared: read only). */
  get acronyms(): readonly string[] {
    if (this.acronymsAnswer === ASK) this.acronymsAnswer = acronymsOf(this.name);
    return this.acronymsAnswer;
  }

  /** The name without its trailing legal-form words, in comparison form. */
  get core(): string {
    if (this.coreAnswer === ASK) this.coreAnswer = orgCore(this.name);
    return this.coreAnswer;
  }

  /** A company name's first word (see org-forms.ts). */
  get companyHead(): string | undefined {
    if (this.headAnswer === ASK) this.headAnswer = companyHead(this.name);
    return this.headAnswer;
  }

  /** The one distinctive word of an organization's name (see org-forms.ts). */
  get coreWord(): string | undefined {
    if (this.coreWordAnswer === ASK) this.coreWordAnswer = orgCoreWord(this.name);
    return this.coreWordAnswer;
  }

  /** How many letters the name has. */
  get letters(): number {
    if (this.lettersAnswer === ASK) this.lettersAnswer = this.name.replace(/[^\p{L}]/gu, '').length;
    return this.lettersAnswer;
  }
}

/** The facts record of a name: the same record for the same name, run-wide. */
export const nameFacts = memoize((name: string) => new NameFacts(name));
