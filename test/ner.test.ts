import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KgError } from '../src/errors.js';
import { recognize } from '../src/ner/index.js';
import { DEFAULT_MODEL_PATH, readModel, setModelPath } from '../src/ner/load.js';
import { decodeModel, encodeModel } from '../src/ner/model.js';
import { IntTable, emptyLexicon } from '../src/ner/lexicon.js';
import { CASE } from '../src/ner/shape.js';
import { markNear } from '../src/ner/tagger.js';
import { N_TAGS, O } from '../src/ner/tags.js';
import { decode } from '../src/ner/viterbi.js';
import { analyze } from '../src/text/index.js';

const names = (text: string) =>
  recognize(analyze('t', text))
    .filter((m) => m.type !== 'role')
    .map((m) => {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      return `${m.type}:${m.text}`;
    });

afterEach(() => setModelPath());

describe('recognize: clear names in news sentences (written for these tests)', () => {
  it.each([
    ['Angela Merkel spoke to reporters in Berlin on Monday.', ['person:Angela Merkel', 'place:Berlin']],
    ['The United Nations said food aid would reach Sudan within a week.', ['organization:United Nations', 'place:Sudan']],
    ['Shares of Microsoft fell after the company warned about cloud spending.', ['organization:Microsoft']],
    ['Emmanuel Macron flew from Paris to Tokyo for talks with Japanese officials.', ['person:Emmanuel Macron', 'place:Paris', 'place:Tokyo']],
    ['Officials in Kenya said the World Health Organization had sent a team to Nairobi.', ['place:Kenya', 'organization:World Health Organization', 'place:Nairobi']],
    ['Rafael Nadal told Reuters he would play in Madrid next month.', ['person:Rafael Nadal', 'organization:Reuters', 'place:Madrid']],
    ['Shares of Harwick Controls Inc and Dunmore Corp rose on Monday.', ['organization:Harwick Controls Inc', 'organization:Dunmore Corp']],
    // Tidying: no "-based" opening, no spaced period at the end, a comma between two names.
    ['Analysts expect Ohio-based Brennmoor Bancorp Inc to bid.', ['organization:Brennmoor Bancorp Inc']],
    ['The offer was filed by Dunmore Holdings Inc .', ['organization:Dunmore Holdings Inc']],
    ['Talks with Harwick Bank , Dunmore Bank and Velmora Bank went on.', ['organization:Harwick Bank', 'organization:Dunmore Bank']],
  ])('%s', (text, expected) => {
    const got = names(text);
    for (const e of expected) expect(got).toContain(e);
  });

  it('gives character offsets into the text', () => {
    const text = 'Talks resumed in Geneva.\nBarack Obama arrived later.';
    const ms = recognize(analyze('t', text)).filter((m) => m.type !== 'role');
    const obama = ms.find((m) => m.type === 'person');
    expect(obama).toMatchObject({ start: 25, end: 37, text: 'Barack Obama', sentence: 1 });
    expect(ms.find((m) => m.type === 'place')).toMatchObject({ start: 17, end: 23, sentence: 0 });
  });

  it('reads typographic quotes and dashes as plain ones', () => {
    const plain = 'He said "Boeing will build the plant in Ohio" - and Airbus agreed.';
    const curly = 'He said “Boeing will build the plant in Ohio” – and Airbus agreed.';
    expect(names(curly)).toEqual(names(plain));
  });

  it('returns nothing for empty text', () => {
    expect(recognize(analyze('t', ''))).toEqual([]);
  });
});

describe('recognize: titles are not part of person names', () => {
  it.each([
    ['President Joe Biden arrived in Ohio on Friday.', 'Joe Biden'],
    ['Mr. Johnson declined to comment on the report.', 'Johnson'],
    ['Foreign Minister Sergey Lavrov said the talks were useful.', 'Sergey Lavrov'],
    ['Dr. Anthony Fauci warned of a hard winter.', 'Anthony Fauci'],
    ['Prime Minister Narendra Modi visited the flooded district.', 'Narendra Modi'],
  ])('%s', (text, person) => {
    const people = recognize(analyze('t', text)).filter((m) => m.type === 'person');
    expect(people.map((m) => m.text)).toContain(person);
    for (const p of people) expect(p.text).not.toMatch(/^(President|Mr|Foreign|Minister|Dr|Prime)\b/);
  });
});

describe('recognize: sports pages name clubs after their towns (pages written for these tests)', () => {
  const page = [
    'SOCCER - THIRD DIVISION RESULTS .',
    'Results of third division matches on Saturday :',
    'Swindon 2 Exeter 1',
    'Carlisle 0 Bristol 3',
    'Plymouth 1 Norwich 1',
    'STANDINGS',
    'PORTLAND 12 4 .750 -',
    'KANSAS CITY 9 7 .563 3',
  ].join('\n');
  it.each([['Swindon'], ['Exeter'], ['Carlisle'], ['Norwich'], ['KANSAS CITY']])('%s is a club', (club) => {
    expect(names(page)).toContain(`organization:${club}`);
  });
  it('a country on a results line stays a place (a national side)', () => {
    const text = 'World Cup qualifiers on Wednesday :\nSweden 2 Latvia 0\nPortugal 1 Austria 1';
    for (const c of ['Sweden', 'Latvia', 'Portugal', 'Austria']) expect(names(text)).toContain(`place:${c}`);
  });
  it('a country standing for its national side is a place', () => {
    const text = 'SOCCER - RESULTS .\nDundee 2 Kilmarnock 1\nMorton 0 Arbroath 3\nNorway coach Per Lund said his side had deserved the win .';
    expect(names(text)).toContain('place:Norway');
    expect(names(text)).not.toContain('organization:Norway');
  });
  it('a town in ordinary news stays a place', () => {
    expect(names('Floods closed roads around Carlisle and Exeter on Saturday, police said.')).toEqual(['place:Carlisle', 'place:Exeter']);
  });
});

describe('decoding stretch by stretch', () => {
  // A fixed pseudo-random sequence, so that the test is the same on every run.
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 4 - 2;

  it('gives the full decode where the tokens outside the stretches are O in it', () => {
    for (let round = 0; round < 200; round++) {
      const n = 12;
      const tr = Float64Array.from({ length: (N_TAGS + 1) * N_TAGS }, rand);
      const em = Float64Array.from({ length: n * N_TAGS }, rand);
      // Tokens 0, 4, 5 and 11 are O in any good path; the stretches are 1-3 and 6-10.
      for (const i of [0, 4, 5, 11]) em[i * N_TAGS + O] = 100;
      const full = new Uint8Array(n);
      decode(em, n, tr, full);
      const parts = new Uint8Array(n);
      decode(em, n, tr, parts, 1, 4);
      decode(em, n, tr, parts, 6, 11);
      expect(Array.from(parts.subarray(1, 4))).toEqual(Array.from(full.subarray(1, 4)));
      expect(Array.from(parts.subarray(6, 11))).toEqual(Array.from(full.subarray(6, 11)));
    }
  });

  it('looks for names within two tokens of a capitalized word, and everywhere in a sentence without one', () => {
    const { lower: l, title: T, upper: U, digit: d } = CASE;
    const near = new Uint8Array(16);
    markNear(Uint8Array.from([T, l, l, l, l, l, U, l, d, l, l, l]), 0, 12, near);
    expect(Array.from(near.subarray(0, 12))).toEqual([1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0]);
    // At an offset into the article's arrays: the words before the sentence do not count.
    markNear(Uint8Array.from([T, T, l, l, l, l, T]), 2, 5, near);
    expect(Array.from(near.subarray(0, 5))).toEqual([0, 0, 1, 1, 1]);
    markNear(Uint8Array.from([l, l, l, l, d, l]), 0, 6, near);
    expect(Array.from(near.subarray(0, 6))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('decodes a sentence without a capitalized word whole', () => {
    // A results page with a lower-case line: the line is a sentence of its own, far from any capital.
    expect(names('The talks resumed.\npakistan\nTariq Mehboob 41')).toContain('place:pakistan');
  });
});

describe('IntTable as a set of hashes', () => {
  it('holds exactly the hashes it was made from, those above 2^31 included, and never 0', () => {
    const hashes = [1, 17, 4000000000, 0x80000000, 0xffffffff];
    const set = IntTable.of(hashes);
    for (const h of hashes) expect(set.has(h)).toBe(true);
    // Absent hashes, some landing in the same slots as present ones.
    for (const h of [0, 2, 16, 33, 4000000001, 0x7fffffff, 0xfffffffe, 17 + 16]) expect(set.has(h)).toBe(false);
    expect(IntTable.of([]).has(5)).toBe(false);
  });
});

describe('model file', () => {
  it('loads deterministically: two reads give the same tables and the same tags', () => {
    const a = readModel(DEFAULT_MODEL_PATH);
    const b = readModel(DEFAULT_MODEL_PATH);
    expect(Buffer.from(a.table.buffer).equals(Buffer.from(b.table.buffer))).toBe(true);
    expect(a.scale).toBe(b.scale);
    const text = 'Vladimir Putin met Xi Jinping in Beijing, the Kremlin said.';
    const first = names(text);
    setModelPath(DEFAULT_MODEL_PATH);
    expect(names(text)).toEqual(first);
  });

  it('round-trips through encode and decode byte for byte', () => {
    const lexicon = emptyLexicon();
    lexicon.words.set(7, 3);
    lexicon.phrases.set(11, 5);
    const data = {
      transitions: new Float32Array((N_TAGS + 1) * N_TAGS).map((_, i) => i / 10),
      keys: Uint32Array.from([3, 9, 4000000000]),
      weights: new Float32Array(3 * N_TAGS).map((_, i) => (i % 5) - 2),
      lexicon,
    };
    const bytes = encodeModel(data);
    const m = decodeModel(bytes, 'test');
    expect(m.lexicon.words.get(7)).toBe(3);
    expect(m.lexicon.phrases.get(11)).toBe(5);
    expect(Array.from(m.transitions)).toEqual(Array.from(data.transitions));
    expect(Buffer.from(encodeModel(data)).equals(Buffer.from(bytes))).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
  const good = readFileSync(DEFAULT_MODEL_PATH);
  const damaged = Buffer.from(good);
  damaged[damaged.length - 100] ^= 0xff;
  it.each([
    ['missing', join(dir, 'absent.bin'), null],
    ['truncated', join(dir, 'short.bin'), good.subarray(0, good.length >> 1)],
    ['not a model', join(dir, 'text.bin'), Buffer.from('hello, this is not a model file at all, just text')],
    ['one byte flipped', join(dir, 'flip.bin'), damaged],
  ])('%s file gives KgError E_MODEL naming the file and the fix', (_what, path, content) => {
    if (content) writeFileSync(path, content);
    setModelPath(path);
    let err: unknown;
    try {
      recognize(analyze('t', 'Boris Johnson visited Kyiv.'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KgError);
    expect((err as KgError).code).toBe('E_MODEL');
    expect((err as KgError).message).toContain(path);
    expect((err as KgError).message).toContain('npm run train:ner');
  });
});
