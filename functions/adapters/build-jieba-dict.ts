/**
 * `npm run build:dict`: writes the trimmed jieba dictionary committed in functions/adapters/jieba/.
 *
 * Why: loading jieba's full 349k-word dictionary takes seconds, most of the engine's start-up. Rules
 * only need word boundaries around their own terms (which are inserted at load) and common words
 * (人民医院 next to 河南人), so the most frequent words are enough; unknown words fall back to HMM.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const WORDS = 30_000;
const require = createRequire(import.meta.url);
const { DEFAULT_DICT } = require('nodejieba') as { DEFAULT_DICT: string };

const entries = readFileSync(DEFAULT_DICT, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => ({ line, freq: Number(line.split(' ')[1]) }))
  .filter((e) => Number.isFinite(e.freq));
entries.sort((a, b) => b.freq - a.freq);
const kept = entries.slice(0, WORDS).map((e) => e.line);
const out = join(import.meta.dirname, 'jieba', 'dict.utf8');
writeFileSync(out, `${kept.sort().join('\n')}\n`);
console.log(`wrote ${kept.length} of ${entries.length} words to ${out}`);
