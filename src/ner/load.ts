// Finds and loads the model file once, on first use. The path is resolved from this module so that it works
// from src/ner (vitest, tsx) and dist/ner (the CLI): tsc does not copy data files, both point at src/ner/model.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KgError } from '../errors.js';
import { type Model, decodeModel } from './model.js';

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../src/ner/model/ner.bin', import.meta.url));

let cached: { path: string; model: Model } | undefined;
let modelPath = DEFAULT_MODEL_PATH;

/** Points the tagger at another model file (tests, experiments); the next use loads it. */
export function setModelPath(path: string = DEFAULT_MODEL_PATH): void {
  modelPath = path;
  cached = undefined;
}

/** Reads and decodes a model file; throws KgError E_MODEL when it is missing or damaged. */
export function readModel(path: string): Model {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    throw new KgError('E_MODEL', `NER model ${path}: ${why}. Build it with \`npm run train:ner\`.`);
  }
  return decodeModel(bytes, path);
}

/** The model, loaded on first call and kept. */
export function getModel(): Model {
  if (!cached || cached.path !== modelPath) cached = { path: modelPath, model: readModel(modelPath) };
  return cached.model;
}
