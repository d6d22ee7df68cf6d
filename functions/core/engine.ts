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
import { compileModel, type ModelFile } from './model/clause-model.js';

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
  /** Deployment override of lexicons/policy.yaml (merged over it, severity by severity). */
  policy?: Partial<Omit<Policy, 'severities'>> & { severities?: Partial<Policy['severities']> };
  /** The learned second opinion (lexicons/model.json) and its content hash; used unless the policy says `model: off`. */
  model?: { file: ModelFile; hash: string };
}

export function buildEngine(options: CoreEngineOptions): Engine {
  const loaded = options.lexicon;
  const policy: Policy = {
    severities: { ...loaded.policy.severities, ...options.policy?.severities },
    rules: { ...loaded.policy.rules, ...options.policy?.rules },
    model: options.policy?.model ?? loaded.policy.model,
    requireValidUntil: options.policy?.requireValidUntil ?? loaded.policy.requireValidUntil,
  };
  const lexicon = compileLexicon({ ...loaded, policy });
  const tokenizer = options.tokenizer(lexicon.words);
  const model = options.model && policy.model === 'on' ? compileModel(options.model.file, options.model.hash) : undefined;
  // semver build metadata: 1.0.0+<lexicon hash>.model-<model hash>
  const version = model ? `${lexicon.version}.model-${model.hash}` : lexicon.version;
  const info: EngineInfo = {
    version,
    rules: lexicon.rules.length,
    categories: CATEGORIES.map((id) => ({ id, rules: lexicon.rules.filter((r) => r.category === id).length })),
  };
  const deps = { lexicon, tokenizer, model, version };
  return {
    lexicon,
    check: (ad, now) => checkAd(ad, deps, now),
    fix: (ad, verdict, now) => {
      const fixed = fixAd(ad, verdict.findings);
      return fixed && { ad: fixed, verdict: checkAd(fixed, deps, now) };
    },
    info: () => info,
  };
}
