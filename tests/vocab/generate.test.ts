import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexiconDir } from '../../functions/adapters/lexicon-files.js';
import { defaultLexiconDir } from '../../functions/engine.js';
import { jiebaDictionaryWords } from '../../functions/adapters/jieba-tokenizer.js';
import { ethnicGroups, generateVocabularies, glyphVariants, homophoneMisspellings, pinyinSpellings, places, shortPlaceName, splitCharacters, vocabularyFileText } from '../../functions/vocab/generate.js';

const dir = defaultLexiconDir();

describe('generated vocabularies', () => {
  it('are up to date with their packages and the lexicons (run npm run vocab after editing a pinyinOf set)', () => {
    for (const [name, data] of Object.entries(generateVocabularies(loadLexiconDir(dir), jiebaDictionaryWords()))) {
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe(vocabularyFileText(data));
    }
  });

  it('misspell the homophonesOf words one near-homophone at a time, never into a dictionary word', () => {
    const words = jiebaDictionaryWords();
    const { misspellings } = homophoneMisspellings(loadLexiconDir(dir), [ethnicGroups()], words).variants!;
    expect(misspellings).toMatchObject({ 少数名族: '少数民族', 维吾耳族: '维吾尔族' });
    const known = new Set(words);
    for (const [misspelt, word] of Object.entries(misspellings)) {
      expect(known.has(misspelt), misspelt).toBe(false);
      expect([...misspelt].filter((ch, i) => ch !== [...word][i])).toHaveLength(1);
    }
  });

  it('misspell the guardedHomophonesOf words with the dictionary neighbours of their ends', () => {
    const words = jiebaDictionaryWords();
    const { guardedMisspellings, wordNeighbours } = homophoneMisspellings(loadLexiconDir(dir), [ethnicGroups()], words).variants!;
    expect(guardedMisspellings).toMatchObject({ 年领: '年龄', 合铜: '合同', 服装废: '服装费' });
    // 每年 and 领取 are words: 每年领取 is not 年龄 misspelt
    expect(wordNeighbours['年']![0]).toContain('每');
    expect(wordNeighbours['领']![1]).toContain('取');
    const known = new Set(words);
    for (const misspelt of Object.keys(guardedMisspellings)) expect(known.has(misspelt), misspelt).toBe(false);
  });

  it('guard a long word misspelt in its last character, which may begin a word with the text after it', () => {
    const words = jiebaDictionaryWords();
    const { misspellings, guardedMisspellings, wordNeighbours } = homophoneMisspellings(loadLexiconDir(dir), [ethnicGroups()], words).variants!;
    // 对时尚有兴趣 is an interest in fashion, not 时尚有型 misspelt: 兴趣 is a word
    expect(guardedMisspellings).toMatchObject({ 时尚有兴: '时尚有型' });
    expect(misspellings['时尚有兴']).toBeUndefined();
    expect(wordNeighbours['兴']![1]).toContain('趣');
  });

  it('fold Japanese and Hong Kong glyphs to simplified ones, but never an everyday simplified character', () => {
    const { symbols } = glyphVariants().variants!;
    expect(symbols).toMatchObject({ 気: '气', 齢: '龄', 歳: '岁', 衞: '卫' });
    // CC-CEDICT's characters known only as a variant of one other
    expect(symbols).toMatchObject({ 侽: '男', 値: '值', 靣: '面', 髙: '高' });
    // Japanese reads these as other characters; in Chinese they are words of their own (沪籍, 给予, 欠薪)
    for (const everyday of ['沪', '予', '欠', '芸']) expect(symbols[everyday]).toBeUndefined();
  });

  it('split a word\'s character into its two parts, unless the parts make a word themselves', () => {
    const words = jiebaDictionaryWords();
    const { guardedMisspellings } = splitCharacters(loadLexiconDir(dir), [ethnicGroups(), places()], words).variants!;
    expect(guardedMisspellings).toMatchObject({ 田力: '男', 田力生: '男生', 未女昏: '未婚' });
    // 女生 is a word: 男女生 is never 男姓
    expect(Object.keys(guardedMisspellings).some((typed) => typed.includes('女生'))).toBe(false);
    // a left radical's form is never written alone: its character folds anywhere
    const { misspellings } = splitCharacters(loadLexiconDir(dir), [ethnicGroups(), places()], words).variants!;
    expect(misspellings).toMatchObject({ 扌甲: '押' });
    expect(Object.keys(misspellings).every((typed) => '扌氵忄亻讠钅饣纟礻衤阝刂冫犭'.includes(typed[0]!))).toBe(true);
  });

  it('hold all 56 ethnic groups with their short forms, and no ordinary words', () => {
    const { sets } = ethnicGroups();
    expect(sets.ethnic_group).toHaveLength(56);
    expect(sets.ethnic_short).toEqual(expect.arrayContaining(['维族', '回民', '藏人', '维吾尔', '哈萨克']));
    expect(sets.ethnic_short).not.toEqual(expect.arrayContaining(['保安', '高山', '京人', '俄罗斯']));
  });

  it('hold every province and prefecture, long and short, and the province abbreviations', () => {
    const { sets } = places();
    expect(sets.province).toEqual(expect.arrayContaining(['河南', '河南省', '内蒙古', '新疆维吾尔自治区', '香港', '台湾']));
    expect(sets.prefecture).toEqual(expect.arrayContaining(['周口', '凉山', '延边', '黔西南', '毕节']));
    expect(sets.prefecture!.length).toBeGreaterThan(600);
    expect(sets.province_abbr).toEqual(expect.arrayContaining(['豫', '川', '黔', '蜀', '陇']));
    expect(shortPlaceName('恩施土家族苗族自治州', ['土家族', '苗族'])).toBe('恩施');
  });

  it('spell a word in pinyin, half pinyin and initials', () => {
    expect(pinyinSpellings('押金')).toEqual(expect.arrayContaining(['yajin', 'ya jin', 'ya金', '押jin']));
    expect(pinyinSpellings('保证金')).toContain('bzj');
    expect(pinyinSpellings('女性')).toEqual(expect.arrayContaining(['nvxing', 'nuxing']));
  });
});
