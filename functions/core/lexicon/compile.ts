/**
 * Turns validated lexicon data into ready-to-run matchers: {{set}} macros expanded, regexes built once.
 */
import type { Category, Severity } from '../categories.js';
import { compileVariants, type CompiledVariants } from '../normalize.js';
import { DETECTORS, type Detector } from '../detectors/index.js';
import { LexiconError, type Lexicon } from './load.js';
import type { LexiconException, Pattern, Rule } from './schema.js';

export type Boundary = 'both' | 'start' | 'end' | 'none';

export interface RegexMatcher {
  kind: 'regex';
  re: RegExp;
  boundary: Boundary;
}
export interface DetectorMatcher {
  kind: 'detector';
  detector: Detector;
  params: Record<string, unknown>;
}
export type Matcher = RegexMatcher | DetectorMatcher;

export interface CompiledException {
  re: RegExp;
  scope: 'overlap' | 'clause' | 'sentence' | 'ad';
}

export interface CompiledRule {
  rule: Rule;
  category: Category;
  severity: Severity;
  matchers: Matcher[];
  exceptions: CompiledException[];
  downgradeWhen: CompiledException[];
}

export interface CompiledLexicon {
  version: string;
  rules: CompiledRule[];
  variants: CompiledVariants;
  /** Every literal word in the lexicons: added to the tokenizer's dictionary. */
  words: string[];
}

/** Lexicon text is folded like ad text (NFKC + lower case), so a rule written with ， matches the normalised ,. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) =>
  `(?:${[...new Set(words.map(fold))].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})`;

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const words = new Set<string>();
  const rules: CompiledRule[] = [];
  for (const file of lexicon.categories) {
    const sets = { ...lexicon.common.sets, ...file.sets };
    for (const list of Object.values(file.sets)) list.forEach((w) => words.add(fold(w)));
    const expand = (source: string, ruleId: string) =>
      source.replace(/\{\{([a-z0-9_]+)\}\}/g, (_, name: string) => {
        const list = sets[name];
        if (!list) throw new LexiconError(`${file.category}.yaml`, ruleId, `unknown set {{${name}}}`);
        return alternation(list);
      });
    const regex = (source: string, ruleId: string) => {
      try {
        return new RegExp(fold(expand(source, ruleId)), 'g');
      } catch (err) {
        throw new LexiconError(`${file.category}.yaml`, ruleId, `bad regex ${source}: ${(err as Error).message}`);
      }
    };
    const exception = (e: LexiconException, ruleId: string): CompiledException => ({
      re: 'terms' in e ? new RegExp(alternation(e.terms), 'g') : regex(e.regex, ruleId),
      scope: e.scope,
    });
    const matcher = (p: Pattern, ruleId: string): Matcher => {
      if ('detector' in p) {
        const detector = DETECTORS[p.detector];
        if (!detector) throw new LexiconError(`${file.category}.yaml`, ruleId, `unknown detector ${p.detector}`);
        return { kind: 'detector', detector, params: p.params };
      }
      if ('terms' in p) {
        p.terms.forEach((t) => words.add(fold(t)));
        return { kind: 'regex', re: new RegExp(alternation(p.terms), 'g'), boundary: p.boundary ?? 'both' };
      }
      return { kind: 'regex', re: regex(p.regex, ruleId), boundary: p.boundary ?? 'both' };
    };
    for (const rule of file.rules) {
      const override = lexicon.policy.rules[rule.id];
      if (override === 'off') continue;
      rules.push({
        rule,
        category: file.category,
        severity: override ?? rule.severity ?? lexicon.policy.severities[file.category],
        matchers: rule.patterns.map((p) => matcher(p, rule.id)),
        exceptions: rule.exceptions.map((e) => exception(e, rule.id)),
        downgradeWhen: rule.downgradeWhen.map((e) => exception(e, rule.id)),
      });
    }
  }
  return {
    version: lexicon.version,
    rules,
    variants: compileVariants(lexicon.common.variants),
    words: [...words].filter((w) => /[\u3400-\u9fff]/.test(w)),
  };
}
