// Benchmark baseline: sigma with its default styles on the same graph and positions, and nothing else.
// scripts/bench-viewer.ts compares the viewer against this page; both record frames the same way (bench.ts).
import Graph from 'graphology';
import Sigma from 'sigma';
import { instrument } from './bench.js';

async function boot(): Promise<void> {
  const src = new URLSearchParams(location.search).get('graph') ?? 'graphs/sample.json';
  const res = await fetch(src);
  performance.mark('kg:fetched');
  const data = await res.json();
  performance.mark('kg:json');
  const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
  graph.import(data);
  performance.mark('kg:prepared');
  const sigma = new Sigma(graph, document.getElementById('graph')!);
  performance.mark('kg:rendered');
  instrument(sigma);
}

void boot();
