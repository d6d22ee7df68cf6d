/**
 * The nodejieba adapter: the only file that imports nodejieba. Its dictionary loads once per process, when a
 * tokenizer first cuts.
 *
 * It loads the trimmed dictionary in ./jieba/ (see build-jieba-dict.ts: seconds faster than the full one)
 * and stub keyword-extraction files (the engine never extracts keywords), falling back to nodejieba's own
 * files when ./jieba/ is not deployed. HIRECHECK_JIEBA_DICT_DIR points elsewhere, e.g. inside a bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tokenizer } from '../core/tokenizer.js';

const require = createRequire(import.meta.url);

interface Jieba {
  load(options?: Record<string, string>): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

let jieba: Jieba | undefined;
const inserted = new Set<string>();

export function jiebaDictDir(): string {
  return process.env.HIRECHECK_JIEBA_DICT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'jieba');
}

/** The words of the trimmed dictionary (its characters are the common ones: the vocabulary generator reads them). */
export function jiebaDictionaryWords(): string[] {
  return readFileSync(join(jiebaDictDir(), 'dict.utf8'), 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter(Boolean);
}

function loadJieba(): Jieba {
  const j = require('nodejieba') as Jieba;
  const dir = jiebaDictDir();
  const dict = join(dir, 'dict.utf8');
  if (existsSync(dict)) {
    j.load({ dict, idfDict: join(dir, 'idf.utf8'), stopWordDict: join(dir, 'stop-words.utf8') });
  } else {
    j.load();
  }
  return j;
}

/**
 * Returns the tokenizer with every lexicon word in its user dictionary, so rules match on word boundaries.
 * The dictionary loads on the first cut, not here: most ads never need a word boundary (32 of the 1,549 real
 * ads did), and loading it was a tenth of a cold start.
 */
export function createJiebaTokenizer(words: Iterable<string>): Tokenizer {
  const pending = [...words];
  let ready: Jieba | undefined;
  const withWords = (): Jieba => {
    const j = (jieba ??= loadJieba());
    for (const word of pending) {
      if (inserted.has(word)) continue;
      j.insertWord(word);
      inserted.add(word);
    }
    pending.length = 0;
    return j;
  };
  return { cut: (text) => (ready ??= withWords()).cut(text, true) };
}
