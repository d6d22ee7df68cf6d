/**
 * The engine as every adapter uses it: lexicons loaded and compiled once, a tokenizer, and `check(ad)`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaTokenizer } from '../adapters/jieba-tokenizer.js';
import type { Ad } from './ad.js';
import { CATEGORIES, type Category } from './categories.js';
import { checkAd } from './check-ad.js';
import { compileLexicon, type CompiledLexicon } from './lexicon/compile.js';
import { loadLexiconDir, type Lexicon } from './lexicon/load.js';
import type { Policy } from './lexicon/schema.js';
import type { Tokenizer } from './tokenizer.js';
import type { Verdict } from './verdict.js';

export interface EngineInfo {
  version: string;
  categories: { id: Category; rules: number }[];
  rules: number;
}

export interface Engine {
  check(ad: Ad, now?: Date): Verdict;
  info(): EngineInfo;
  readonly lexicon: CompiledLexicon;
}

export interface EngineOptions {
  /** Directory holding the lexicon YAML files; default: HIRECHECK_LEXICON_DIR or the repository's lexicons/. */
  lexiconDir?: string;
  /** Deployment override of lexicons/policy.yaml (merged over it). */
  policy?: Partial<Policy>;
  tokenizer?: Tokenizer;
}

/** Finds lexicons/ next to the code: in the repository (functions/core/..) or beside a bundle. */
export function defaultLexiconDir(): string {
  if (process.env.HIRECHECK_LEXICON_DIR) return process.env.HIRECHECK_LEXICON_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'lexicons');
    if (existsSync(join(candidate, 'common.yaml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('lexicons/ not found: set HIRECHECK_LEXICON_DIR');
}

export function createEngine(options: EngineOptions = {}): Engine {
  const loaded: Lexicon = loadLexiconDir(options.lexiconDir ?? defaultLexiconDir());
  const policy: Policy = {
    severities: { ...loaded.policy.severities, ...options.policy?.severities },
    rules: { ...loaded.policy.rules, ...options.policy?.rules },
  };
  const lexicon = compileLexicon({ ...loaded, policy });
  const tokenizer = options.tokenizer ?? createJiebaTokenizer(lexicon.words);
  const info: EngineInfo = {
    version: lexicon.version,
    rules: lexicon.rules.length,
    categories: CATEGORIES.map((id) => ({ id, rules: lexicon.rules.filter((r) => r.category === id).length })),
  };
  return {
    lexicon,
    check: (ad, now) => checkAd(ad, { lexicon, tokenizer }, now),
    info: () => info,
  };
}

let shared: Engine | undefined;
/** One engine per process (Lambda container, server, CLI): start-up cost is paid once. */
export function getEngine(): Engine {
  shared ??= createEngine();
  return shared;
}
