// Held-out style check: five news pages we wrote ourselves (clutter kept: share lines, captions with credits,
// a related-stories block), each with gold in score-graph.mjs's format. The extraction rules were developed on
// one dev page; these pages say how far they carry to pages of the same kind in other words and topics.
// Floors sit a little below what was measured when the pages were written (see each row), so a regression
// fails the test and ordinary noise does not. Raise them when the pipeline gets better.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, readArticles } from '../src/index.js';

const PAGES = path.join(import.meta.dirname, 'fixtures', 'pages');
// The scorer lives beside the project, not in it (../shared/eval); without it the test cannot score.
const SCORER = path.resolve(import.meta.dirname, '../../shared/eval/score-graph.mjs');
const HAVE_SCORER = existsSync(SCORER);
if (!HAVE_SCORER) console.warn(`pages.test: skipped, the scorer ${SCORER} is missing (it ships in ../shared/eval).`);

interface Prf { p: number; r: number; f1: number }
interface Scored { entities: { all: Prf }; relations: { all: Prf }; fps: string[]; fns: string[]; dups: string[]; relFps: string[]; relFns: string[] }
interface Scorer {
  loadGold: (paths: string[]) => unknown;
  score: (graph: { nodes: unknown[]; edges: unknown[] }, gold: unknown) => Scored;
}

// page, entity F1 floor, relation F1 floor, names from its clutter (share line, related block) that must not
// become nodes. Measured on 2026-11-29: entities / relations F1.
const ROWS: { page: string; entities: number; relations: number; clutter: string[] }[] = [
  // measured 0.906 / 0.870; after the relation and resolution fixes 0.963 / 1.000
  { page: 'chile-vietnam-trade', entities: 0.92, relations: 0.95, clutter: ['Deborah Kline', 'Tucson', 'Mikkel Brandt', 'Ajax', 'Aarhus', 'Brittany', 'Ingrid'] },
  // measured 0.970 / 0.769; then 1.000 / 0.923 (the extra met_with edges left are the denied and the postponed
  // meetings, kept with their modality by design; the gold lists only what happened)
  { page: 'baltic-defence-summit', entities: 0.95, relations: 0.88, clutter: ['Pekka Rantanen', 'Helsinki', 'Tallinn', 'Liisa Tamm', 'Prague', 'Ewa Nowicka', 'Gdańsk'] },
  // measured 0.936 / 0.750; then 0.979 / 0.947
  { page: 'brightwater-accc', entities: 0.94, relations: 0.9, clutter: ['coastalwire', 'Fiona Macleish', 'Melbourne', 'Josh Tennant', 'Perth Scorchers', 'Adelaide', 'Rundle Street'] },
  // measured 0.884 / 0.824; then 0.905 / 0.941 (0.857 / 0.824 under the NER model being retrained at the time, which
  // tags 'Irish' of 'Irish Independent': the floor leaves room for it)
  { page: 'fai-uefa-dispute', entities: 0.84, relations: 0.8, clutter: ['Eoin Hegarty', 'Kilkenny', 'Munster', 'Padraig Folan', 'Galway', 'Shamrock Rovers', 'Tadhg Keane', 'Bohemians'] },
  // measured 0.920 / 0.842; then 0.960 / 0.952
  { page: 'un-envoy-great-lakes', entities: 0.92, relations: 0.9, clutter: ['greatlakesdaily', 'Ngozi Adeyemi', 'Lagos', 'Faith Chelimo', 'Oslo', 'Bislett', 'Iten', 'Zambia', 'Lusaka'] },
];
// All five pages as one corpus (entities shared across pages, e.g. Reuters, are one entity): 0.926 / 0.812;
// after the relation and resolution fixes 0.962 / 0.953.
const ALL = { entities: 0.93, relations: 0.92 };

async function scorer(): Promise<Scorer> {
  return (await import(pathToFileURL(SCORER).href)) as Scorer;
}

async function scoreFiles(txt: string[], gold: string[]) {
  const { articles, problems } = await readArticles(txt);
  expect(problems).toEqual([]);
  const graph = buildGraph(articles, { layout: false });
  const exported = graph.export() as unknown as { nodes: { attributes?: { label?: string } }[]; edges: unknown[] };
  const { loadGold, score } = await scorer();
  return { exported, res: score(exported, loadGold(gold)) };
}

// Printed on failure so the report names the errors, not only the figure.
const explain = (r: Scored) =>
  JSON.stringify({ missed: r.fns, extra: r.fps, split: r.dups, missedRel: r.relFns, extraRel: r.relFps }, null, 1);

describe.skipIf(!HAVE_SCORER)('held-out style pages of our own, scored with score-graph.mjs', () => {
  it.each(ROWS)('$page: entity F1 >= $entities, relation F1 >= $relations, no clutter names', async (row) => {
    const { exported, res } = await scoreFiles([path.join(PAGES, `${row.page}.txt`)], [path.join(PAGES, `${row.page}.json`)]);
    expect(res.entities.all.f1, explain(res)).toBeGreaterThanOrEqual(row.entities);
    expect(res.relations.all.f1, explain(res)).toBeGreaterThanOrEqual(row.relations);
    const labels = exported.nodes.map((n) => n.attributes?.label ?? '');
    for (const name of row.clutter) {
      const word = new RegExp(`(^|[^\\p{L}])${name}($|[^\\p{L}])`, 'u');
      expect(labels.filter((l) => word.test(l)), `clutter name "${name}" became a node`).toEqual([]);
    }
  });

  it(`all pages as one corpus: entity F1 >= ${ALL.entities}, relation F1 >= ${ALL.relations}`, async () => {
    const txt = ROWS.map((r) => path.join(PAGES, `${r.page}.txt`));
    const { res } = await scoreFiles(txt, [PAGES]);
    expect(res.entities.all.f1, explain(res)).toBeGreaterThanOrEqual(ALL.entities);
    expect(res.relations.all.f1, explain(res)).toBeGreaterThanOrEqual(ALL.relations);
  });
});
