/**
 * Turns validated lexicon data into ready-to-run matchers: {{set}} macros expanded, regexes built once,
 * and every word the constructions, scenarios and roles read put into one term index.
 */
import type { Category, Severity } from '../categories.js';
import { compileVariants, type CompiledVariants, type VariantTable } from '../normalize.js';
import { DETECTORS, type Detector } from '../detectors/index.js';
import type { CompiledConstruction } from '../analysis/constructions.js';
import { compileRoles, OPERATOR_TAG, RESTRICT_TAG, type CompiledRole } from '../analysis/roles.js';
import type { CompiledScenario } from '../analysis/scenarios.js';
import type { CompiledWithdrawal } from '../analysis/withdrawals.js';
import { TermIndex } from '../scan/term-index.js';
import { compileFixes, type CompiledFixes } from '../fixes/compile-fixes.js';
import { regexTrigger, type RegexTrigger } from './regex-trigger.js';
import { compileGates, type MatcherGates } from '../match.js';
import { LexiconError, type Lexicon } from './load.js';
import type { FieldCondition, LexiconException, Pattern, Policy, Rule } from './schema.js';
import type { CompiledFieldCondition } from '../structured/conditions.js';

export type Boundary = 'both' | 'start' | 'end' | 'none';

export interface RegexMatcher {
  kind: 'regex';
  re: RegExp;
  boundary: Boundary;
  /** Tags of which one must be in the field (empty: always run). */
  when: string[];
  /** Without `when`: the number of the regex's trigger words, start-only words of the term index. */
  trigger?: number;
  /** With `when`: the number of the regex's trigger words, of which a sentence must hold one as well (every match does). */
  alsoNeeds?: number;
  /** Set when every match starts at a `when` or trigger word: the same regex, sticky, tried at those words only. */
  sticky?: RegExp;
}
/** A list of words, found by the term index (one scan for all of them) and checked against word boundaries. */
export interface TermsMatcher {
  kind: 'terms';
  tag: string;
  boundary: Boundary;
}
export interface DetectorMatcher {
  kind: 'detector';
  detector: Detector;
  params: Record<string, unknown>;
}
export interface ConstructionMatcher {
  kind: 'construction';
  construction: CompiledConstruction;
}
export interface ScenarioMatcher {
  kind: 'scenario';
  scenario: CompiledScenario;
}
type MatcherOfKind = RegexMatcher | TermsMatcher | DetectorMatcher | ConstructionMatcher | ScenarioMatcher;
export type Matcher = MatcherOfKind & {
  /** The matcher's place among all the lexicon's matchers (see MatcherGates). */
  id: number;
};

export interface CompiledException {
  re: RegExp;
  scope: 'overlap' | 'clause' | 'sentence' | 'ad';
  /** The exception does not hold in a field this matches. */
  unless?: RegExp;
  /** The exception holds only for hits whose words this matches. */
  hit?: RegExp;
}

export interface CompiledRule {
  rule: Rule;
  category: Category;
  severity: Severity;
  matchers: Matcher[];
  /** Structured conditions that are findings of the rule. */
  fields: CompiledFieldCondition[];
  exceptions: CompiledException[];
  downgradeWhen: CompiledException[];
}

export interface CompiledLexicon {
  version: string;
  rules: CompiledRule[];
  variants: CompiledVariants;
  /** Every literal word in the lexicons: added to the tokenizer's dictionary. */
  words: string[];
  /**
   * The words constructions, scenarios and roles read, tagged by set, and as start-only words the ones without which
   * each regex cannot match (see regex-trigger.ts), tagged by regex: scanned once per field.
   */
  index: TermIndex;
  /** The same, by regex source: a bundle's lexicon snapshot carries them so a cold start skips deriving them. */
  regexTriggers: Record<string, RegexTrigger | null>;
  roles: CompiledRole[];
  /** The deployment's policy the lexicon was compiled with. */
  policy: Policy;
  /** Tags of the neutral words (不限, 均可): next to a protected attribute they cancel it. */
  neutral: string[];
  /** How each rule's findings are fixed (rules without fix data are absent). */
  fixes: CompiledFixes;
  /** Which matchers a field's words make worth trying. */
  gates: MatcherGates;
  /** The rules with an ad-wide scenario, whose signals may lie in different fields. */
  adScenarioRules: CompiledRule[];
  /** Per category, a reply's words withdrawing its conditions from a quoted draft (年龄那条删掉). */
  withdrawals: CompiledWithdrawal[];
}

/** Lexicon text is folded like ad text (NFKC + lower case), so a rule written with ， matches the normalised ,. */
export const fold = (s: string) => s.normalize('NFKC').toLowerCase();
/** Folds a regex's literal text like ad text, leaving escapes alone (\\S must not become \\s). */
const foldRegexSource = (source: string) => source.replace(/\\.|[^\\]+/g, (part) => (part.startsWith('\\') ? part : fold(part)));
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** alternation's answers by list: a set is expanded into every regex that names it (hundreds of times in all). */
const alternations = new WeakMap<readonly string[], string>();
export function alternation(words: readonly string[]): string {
  let source = alternations.get(words);
  if (source === undefined) {
    source = `(?:${[...new Set(words.map(fold))].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})`;
    alternations.set(words, source);
  }
  return source;
}

/** The common sets every rule may use as operators: their words also carry an operator tag (roles read it). */
const OPERATOR_SETS: Record<string, string> = {
  restrict: RESTRICT_TAG,
  exclude_before: OPERATOR_TAG,
  exclude_after: OPERATOR_TAG,
  prefer: OPERATOR_TAG,
  quota: OPERATOR_TAG,
};

/** The words of the categories' sets and term lists and of the common sets, folded: the words a filter's mask may hide. */
function maskableWords(lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const file of lexicon.categories) {
    for (const list of Object.values(file.sets)) for (const w of list) out.add(fold(w));
    for (const rule of file.rules) for (const p of rule.patterns) if ('terms' in p) for (const t of p.terms) out.add(fold(t));
  }
  for (const list of Object.values(lexicon.common.sets)) for (const w of list) out.add(fold(w));
  return out;
}

/**
 * Each generated vocabulary lists the neighbours of its own spellings' characters; a character two files share (里 in
 * 里包 and in 办王里) keeps the neighbours of both, or one file's list would unguard the other's spellings (厂里包住).
 */
function mergeNeighbours(into: Record<string, [string, string]>, from: Record<string, [string, string]>): void {
  for (const [ch, [before, after]] of Object.entries(from)) {
    const known = into[ch];
    into[ch] = known ? [[...new Set(known[0] + before)].join(''), [...new Set(known[1] + after)].join('')] : [before, after];
  }
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const words = new Set<string>();
  /** Adds a set's words to `words`, once per set (sets are named by many regexes and constructions). */
  const added = new WeakSet<readonly string[]>();
  const addWords = (list: readonly string[]) => {
    if (added.has(list)) return;
    added.add(list);
    for (const w of list) words.add(fold(w));
  };
  const rules: CompiledRule[] = [];
  const index = new TermIndex({ wholeLatinWords: true });
  const commonSets: Record<string, string[]> = { ...lexicon.common.sets };
  for (const vocabulary of lexicon.vocabularies) Object.assign(commonSets, vocabulary.sets);
  for (const [name, tag] of Object.entries(OPERATOR_SETS)) for (const w of commonSets[name] ?? []) index.add(fold(w), tag);
  const indexed = new Set<string>();
  let termLists = 0;
  let triggerCount = 0;
  let matcherCount = 0;
  const regexTriggers: Record<string, RegexTrigger | null> = {};
  const triggerOf = (source: string) =>
    (regexTriggers[source] ??= lexicon.regexTriggers && source in lexicon.regexTriggers ? lexicon.regexTriggers[source]! : (regexTrigger(source) ?? null));
  // Filled as constructions compile: every construction shares the one list, complete once all are compiled.
  const anyAttribute: string[] = [];
  // The neutral words (不限, 均可) cancel an attribute next to them, and hide the operators inside them (不限 holds 限).
  const neutral = ['common:neutral'];
  for (const w of commonSets.neutral ?? []) index.add(fold(w), neutral[0]!);
  index.hideWith(neutral[0]!);
  indexed.add(neutral[0]!);
  // Names that hold a gap breaker (教会 holds 会) and words that hold an operator (招聘部 holds 招聘, 最好的那个 holds
  // 最好): inside them the word breaks or operates on nothing.
  for (const name of ['hides_gap', 'hides_operator']) {
    for (const w of commonSets[name] ?? []) index.add(fold(w), `common:${name}`);
    index.hideWith(`common:${name}`);
  }

  for (const file of lexicon.categories) {
    const sets = { ...commonSets, ...file.sets };
    const where = `${file.category}.yaml`;
    const expand = (source: string, ruleId: string) =>
      source.replace(/\{\{([a-z0-9_]+)\}\}/g, (_, name: string) => {
        const list = sets[name];
        if (!list) throw new LexiconError(where, ruleId, `unknown set {{${name}}}`);
        // A category's own set in a regex is matched on word boundaries: its words join the tokenizer's dictionary.
        if (name in file.sets) addWords(list);
        return alternation(list);
      });
    const regex = (source: string, ruleId: string) => {
      try {
        return new RegExp(foldRegexSource(expand(source, ruleId)), 'g');
      } catch (err) {
        throw new LexiconError(where, ruleId, `bad regex ${source}: ${(err as Error).message}`);
      }
    };
    /**
     * The index tags of named sets: a category's own set is tagged apart from a common set of the same name.
     * `bounded` sets are checked against word boundaries, so their words join the tokenizer's dictionary.
     */
    const tags = (names: string[] | undefined, ruleId: string, bounded = false, hiding = false): string[] =>
      (names ?? []).map((name) => {
        const own = name in file.sets;
        const list = sets[name];
        if (!list) throw new LexiconError(where, ruleId, `unknown set ${name}`);
        const tag = own ? `${file.category}:${name}` : `common:${name}`;
        if (!indexed.has(tag)) {
          indexed.add(tag);
          for (const w of list) index.add(fold(w), tag);
        }
        if (hiding) index.hideWith(tag);
        if (bounded) addWords(list);
        return tag;
      });
    const wordsOf = (names: string[], ruleId: string) => {
      const missing = names.find((name) => !sets[name]);
      if (missing) throw new LexiconError(where, ruleId, `unknown set ${missing}`);
      return new RegExp(alternation(names.flatMap((name) => sets[name]!)));
    };
    const fieldCondition = (f: FieldCondition, ruleId: string): CompiledFieldCondition => ({
      path: f.path,
      neutral: new RegExp(alternation([...(commonSets.neutral ?? []), ...f.neutral])),
      words: f.words ? wordsOf(f.words, ruleId) : null,
      ...(f.above !== undefined ? { above: f.above } : {}),
      ...(f.below !== undefined ? { below: f.below } : {}),
      ...(f.adult ? { adult: { above: f.adult.above, work: wordsOf(f.adult.work, ruleId) } } : {}),
    });
    const exception = (e: LexiconException, ruleId: string): CompiledException => ({
      // a figure in an exception's words is a whole number: 0押金 (no deposit) is not the end of 交300押金
      re: 'terms' in e ? new RegExp(alternation(e.terms).replace(/(?<=^\(\?:|\|)(?=\d)/g, '(?<![\\d.])'), 'g') : regex(e.regex, ruleId),
      scope: e.scope,
      // without the g flag: `unless` is only tested, and a global regex would carry lastIndex from one field to the next
      ...(e.unless ? { unless: new RegExp(regex(e.unless, ruleId).source) } : {}),
      ...(e.hit ? { hit: new RegExp(regex(e.hit, ruleId).source) } : {}),
    });
    const matcher = (p: Pattern, ruleId: string): MatcherOfKind => {
      if ('detector' in p) {
        const detector = DETECTORS[p.detector];
        if (!detector) throw new LexiconError(where, ruleId, `unknown detector ${p.detector}`);
        return { kind: 'detector', detector, params: p.sets.length ? { ...p.params, setTags: tags(p.sets, ruleId) } : p.params };
      }
      if ('construction' in p) {
        const c = p.construction;
        // Hiding words (企业形象 holds 形象) only need to be in the index: the longer hit drops the one inside it.
        const hide = tags(c.hide, ruleId, false, true);
        const attribute = tags(c.attribute, ruleId, true);
        for (const t of attribute) if (!anyAttribute.includes(t)) anyAttribute.push(t);
        return {
          kind: 'construction',
          construction: {
            attribute,
            suffix: tags(c.suffix, ruleId, true),
            before: tags(c.before, ruleId),
            after: tags(c.after, ruleId),
            keys: tags(c.keys, ruleId),
            notBefore: tags(c.notBefore, ruleId, false, true),
            neutral,
            gapBreaker: tags(['gap_breaker'], ruleId),
            hide,
            anyAttribute,
            bare: c.bare,
            gap: c.gap,
          },
        };
      }
      if ('scenario' in p) {
        tags(p.scenario.hide, ruleId, false, true);
        return {
          kind: 'scenario',
          scenario: { signals: p.scenario.signals.map((s) => tags([s], ruleId)), within: p.scenario.within, negatedBy: tags(p.scenario.negatedBy, ruleId) },
        };
      }
      if ('terms' in p) {
        const tag = `terms:${ruleId}:${++termLists}`;
        for (const t of p.terms) {
          words.add(fold(t));
          index.add(fold(t), tag);
        }
        return { kind: 'terms', tag, boundary: p.boundary ?? 'both' };
      }
      const re = regex(p.regex, ruleId);
      if (p.anchored && !p.when?.length) throw new LexiconError(where, ruleId, 'anchored needs when: the words matches start at');
      const sticky = new RegExp(re.source, 'y');
      const trigger = triggerOf(re.source);
      const set = trigger ? triggerCount++ : undefined;
      if (trigger) for (const w of trigger.words) index.addStart(w, set!);
      if (p.when?.length) return { kind: 'regex', re, boundary: p.boundary ?? 'both', when: tags(p.when, ruleId), ...(trigger ? { alsoNeeds: set } : {}), ...(p.anchored ? { sticky } : {}) };
      if (!trigger) return { kind: 'regex', re, boundary: p.boundary ?? 'both', when: [] };
      return { kind: 'regex', re, boundary: p.boundary ?? 'both', when: [], trigger: set, ...(trigger.atStart ? { sticky } : {}) };
    };
    for (const rule of file.rules) {
      const override = lexicon.policy.rules[rule.id];
      if (override === 'off') continue;
      rules.push({
        rule,
        category: file.category,
        severity: override ?? rule.severity ?? lexicon.policy.severities[file.category],
        matchers: rule.patterns.map((p) => ({ ...matcher(p, rule.id), id: matcherCount++ })),
        fields: rule.fields.map((f) => fieldCondition(f, rule.id)),
        exceptions: rule.exceptions.map((e) => exception(e, rule.id)),
        downgradeWhen: rule.downgradeWhen.map((e) => exception(e, rule.id)),
      });
    }
  }
  const roles = compileRoles(lexicon.roles, index, fold);
  // The generated vocabularies' variants join the common ones: copied once, then each file assigned in (spreading
  // the tables again for every file copied tens of thousands of spellings each time: 50 ms of a cold start).
  const common = lexicon.common.variants;
  const variantTable: VariantTable = lexicon.vocabularies.some((v) => v.variants)
    ? {
        ...common,
        symbols: { ...common.symbols },
        pinyin: { ...common.pinyin },
        phrases: { ...common.phrases },
        initials: {},
        misspellings: { ...common.misspellings },
        guardedMisspellings: { ...common.guardedMisspellings },
        wordNeighbours: {},
      }
    : common;
  for (const { variants } of lexicon.vocabularies) {
    if (!variants) continue;
    Object.assign(variantTable.symbols, variants.symbols);
    Object.assign(variantTable.pinyin, variants.pinyin);
    Object.assign(variantTable.phrases, variants.phrases);
    Object.assign(variantTable.initials!, variants.initials);
    Object.assign(variantTable.misspellings!, variants.misspellings);
    Object.assign(variantTable.guardedMisspellings!, variants.guardedMisspellings);
    mergeNeighbours(variantTable.wordNeighbours!, variants.wordNeighbours);
  }
  return {
    version: lexicon.version,
    rules,
    // any of those words may be written masked (the generated vocabularies are left out: thousands of places would make every masked form ambiguous)
    variants: compileVariants(variantTable, maskableWords(lexicon)),
    words: [...words].filter((w) => /[\u3400-\u9fff]/.test(w)),
    index,
    regexTriggers,
    roles,
    policy: lexicon.policy,
    neutral,
    fixes: compileFixes(lexicon),
    gates: compileGates(rules),
    adScenarioRules: rules.filter((r) => r.matchers.some((m) => m.kind === 'scenario' && m.scenario.within === 'ad')),
    // a category file's `withdraw_key` words (年龄, 户口) before the common `withdraw_verbs` (删掉, 不要了)
    withdrawals: lexicon.categories.flatMap((file) =>
      file.sets.withdraw_key?.length && commonSets.withdraw_verbs?.length
        ? [{ category: file.category, re: new RegExp(`${alternation(file.sets.withdraw_key)}[^，。；,;\\n]{0,8}?${alternation(commonSets.withdraw_verbs)}`) }]
        : [],
    ),
  };
}
