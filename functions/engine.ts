/**
 * The composition root of the engine: lexicons read from disk, the nodejieba tokenizer, the pure core.
 * Every adapter (HTTP, Lambda, CLI, prescreen, benchmarks) gets its engine here.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaTokenizer } from './adapters/jieba-tokenizer.js';
import { loadLexiconDir } from './adapters/lexicon-files.js';
import { loadModelFile } from './adapters/model-file.js';
import { buildEngine, type CoreEngineOptions, type Engine } from './core/engine.js';
import type { Tokenizer } from './core/tokenizer.js';
import { COMMON_FILE, SNAPSHOT_FILE } from './core/lexicon/load.js';

export type { Engine, EngineInfo } from './core/engine.js';

export interface EngineOptions {
  /** Directory holding the lexicon YAML files; default: HIRECHECK_LEXICON_DIR or the repository's lexicons/. */
  lexiconDir?: string;
  /** Deployment override of lexicons/policy.yaml (merged over it). */
  policy?: CoreEngineOptions['policy'];
  tokenizer?: (words: string[]) => Tokenizer;
}

/** Finds lexicons/ next to the code: in the repository (functions/..), or beside a bundle (which ships only the snapshot). */
export function defaultLexiconDir(): string {
  if (process.env.HIRECHECK_LEXICON_DIR) return process.env.HIRECHECK_LEXICON_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'lexicons');
    if (existsSync(join(candidate, COMMON_FILE)) || existsSync(join(candidate, SNAPSHOT_FILE))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('lexicons/ not found: set HIRECHECK_LEXICON_DIR');
}

export function createEngine(options: EngineOptions = {}): Engine {
  const dir = options.lexiconDir ?? defaultLexiconDir();
  return buildEngine({
    lexicon: loadLexiconDir(dir),
    tokenizer: options.tokenizer ?? createJiebaTokenizer,
    policy: options.policy,
    model: loadModelFile(dir),
  });
}

let shared: Engine | undefined;
/** One engine per process (Lambda container, server, CLI): start-up cost is paid once. */
export function getEngine(): Engine {
  shared ??= createEngine();
  return shared;
}
