/**
 * The engine as every adapter uses it: a parsed lexicon compiled once, a tokenizer, and `check(ad)`.
 * Pure: the lexicon arrives parsed and the tokenizer arrives built (functions/engine.ts composes them).
 */
import type { Ad } from './ad.js';
import { CATEGORIES, type Category } from './categories.js';
import { checkAd } from './check-ad.js';
import { fixAd, type FixedCheck } from './fixes/fixed-ad.js';
import { compileLexicon, type CompiledLexicon } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/load.js';
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
  /**
   * The ad with every fix of `verdict` applied, and the fixed ad's own verdict; undefined when there is nothing
   * to fix, or a finding no rewording can fix (fraud, fees).
   */
  fix(ad: Ad, verdict: Verdict, now?: Date): FixedCheck | undefined;
  info(): EngineInfo;
  readonly lexicon: CompiledLexicon;
}

export interface CoreEngineOptions {
  lexicon: Lexicon;
  /** Builds the tokenizer once the lexicon's words are known (they join its dictionary). */
  tokenizer: (words: string[]) => Tokenizer;
  /** Deployment override of lexicons/policy.yaml (merged over it). */
  policy?: Partial<Policy>;
}

export function buildEngine(options: CoreEngineOptions): Engine {
  const loaded = options.lexicon;
  const policy: Policy = {
    severities: { ...loaded.policy.severities, ...options.policy?.severities },
    rules: { ...loaded.policy.rules, ...options.policy?.rules },
  };
  const lexicon = compileLexicon({ ...loaded, policy });
  const tokenizer = options.tokenizer(lexicon.words);
  const info: EngineInfo = {
    version: lexicon.version,
    rules: lexicon.rules.length,
    categories: CATEGORIES.map((id) => ({ id, rules: lexicon.rules.filter((r) => r.category === id).length })),
  };
  return {
    lexicon,
    check: (ad, now) => checkAd(ad, { lexicon, tokenizer }, now),
    fix: (ad, verdict, now) => {
      const fixed = fixAd(ad, verdict.findings);
      return fixed && { ad: fixed, verdict: checkAd(fixed, { lexicon, tokenizer }, now) };
    },
    info: () => info,
  };
}
