/** The nodejieba adapter: the only file that imports nodejieba. Its dictionary loads once per process. */
import { createRequire } from 'node:module';
import type { Tokenizer } from '../core/tokenizer.js';

const require = createRequire(import.meta.url);

interface Jieba {
  load(options?: Record<string, string>): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

let jieba: Jieba | undefined;
const inserted = new Set<string>();

/** Returns the tokenizer with every lexicon word in its user dictionary, so rules match on word boundaries. */
export function createJiebaTokenizer(words: Iterable<string>): Tokenizer {
  if (!jieba) {
    jieba = require('nodejieba') as Jieba;
    jieba.load();
  }
  for (const word of words) {
    if (inserted.has(word)) continue;
    jieba.insertWord(word);
    inserted.add(word);
  }
  const j = jieba;
  return { cut: (text) => j.cut(text, true) };
}
