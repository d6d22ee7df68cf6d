/**
 * Two baselines over the same lexicon phrases as the engine, to show what the engine adds:
 * naive substring search and the mint-filter package (Aho–Corasick). Neither normalises text,
 * knows word boundaries, negation or context.
 */
import { createRequire } from 'node:module';
import type { Category, Severity } from '../core/categories.js';
import type { Lexicon } from '../core/lexicon/load.js';

export interface PhraseHit {
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  text: string;
}

/** Every literal phrase of a category: its `terms` patterns and its own word sets. */
export function lexiconPhrases(lexicon: Lexicon): Map<string, { category: Category; severity: Severity }> {
  const phrases = new Map<string, { category: Category; severity: Severity }>();
  for (const file of lexicon.categories) {
    const add = (word: string, severity: Severity) => {
      if (!phrases.has(word)) phrases.set(word, { category: file.category, severity });
    };
    for (const rule of file.rules) {
      const severity = rule.severity ?? lexicon.policy.severities[file.category];
      for (const p of rule.patterns) if ('terms' in p) p.terms.forEach((t) => add(t, severity));
    }
    // `joiner` sets hold list punctuation (、 和 或), not phrases.
    for (const [name, words] of Object.entries(file.sets)) {
      if (name !== 'joiner') words.forEach((w) => add(w, lexicon.policy.severities[file.category]));
    }
  }
  return phrases;
}

export type PhraseMatcher = (text: string) => PhraseHit[];

export function substringMatcher(lexicon: Lexicon): PhraseMatcher {
  const phrases = [...lexiconPhrases(lexicon)];
  return (text) => {
    const hits: PhraseHit[] = [];
    for (const [phrase, meta] of phrases) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        hits.push({ ...meta, start: at, end: at + phrase.length, text: phrase });
      }
    }
    return hits;
  };
}

interface MintResult {
  words: string[];
}
interface MintFilter {
  filter(text: string, options?: { replace?: boolean }): MintResult;
}

export function mintMatcher(lexicon: Lexicon): PhraseMatcher {
  const require = createRequire(import.meta.url);
  const { Mint } = require('mint-filter') as { Mint: new (words: string[]) => MintFilter };
  const phrases = lexiconPhrases(lexicon);
  const mint = new Mint([...phrases.keys()]);
  return (text) => {
    const hits: PhraseHit[] = [];
    for (const word of new Set(mint.filter(text, { replace: false }).words)) {
      const meta = phrases.get(word);
      if (!meta) continue;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        hits.push({ ...meta, start: at, end: at + word.length, text: word });
      }
    }
    return hits;
  };
}
