import { describe, expect, it } from 'vitest';
import { normalize, toOriginalRange } from '../../functions/core/normalize.js';
import { engine } from './engine-fixture.js';

const norm = (s: string) => normalize(s, engine.lexicon.variants);

describe('normalize', () => {
  it('folds full-width forms (NFKC, so ， becomes ,), traditional characters and case', () => {
    expect(norm('ＭＡＬＥ　ＯＮＬＹ，僅限男性２０歲').text).toBe('限男性,仅限男性20岁');
  });

  it("reads a rubric's points as the preference or exclusion they are, mapped back to the points", () => {
    const n = norm('女生+5分，年龄35岁以上扣5分，面试10分钟');
    expect(n.text).toBe('女生优先,年龄35岁以上勿扰,面试10分钟');
    expect(toOriginalRange(n, 2, 4)).toEqual([2, 5]);
  });

  it('folds generated near-homophone misspellings, mapped back to what was typed', () => {
    const n = norm('少数名族勿扰，维吾耳族不招');
    expect(n.text).toBe('少数民族勿扰,维吾尔族不招');
    expect(toOriginalRange(n, 0, 4)).toEqual([0, 4]);
  });

  it('reads the separators of a line written as tags as clause breaks, not those of letter-spaced words or joined figures', () => {
    expect(norm('包厢服务/女/18-25/颜值高/日结').text).toBe('包厢服务,女,18-25,颜值高,日结');
    expect(norm('巡逻保安|男|日结|包吃住').text).toBe('巡逻保安,男,日结,包吃住');
    expect(norm('限·男·性，押|金200元').text).toBe('限男性,押金200元');
    expect(norm('第一学历985/211/双一流，薪资4800/月').text).toBe('第一学历985/211/双一流,薪资4800/月');
  });

  it("reads masked digits in a figure as 0, and leaves masked phone numbers, sizes and Markdown's bold alone", () => {
    const n = norm('年龄3*岁以下，18-4■岁，押金5**元');
    expect(n.text).toBe('年龄30岁以下,18-40岁,押金500元');
    expect(toOriginalRange(n, 2, 7)).toEqual([2, 7]);
    expect(norm('电话138****5678，纸箱60×40cm，**35岁以下**').text).toBe('电话138****5678,纸箱60×40cm,**35岁以下**');
  });

  it('completes a masked word where one lexicon word alone fits, and drops a mask no word fits between two characters', () => {
    const n = norm('不招乙*携带者，试用期内无生*计划，男*优先');
    expect(n.text).toBe('不招乙肝携带者,试用期内无生育计划,男优先');
    expect(toOriginalRange(n, 2, 7)).toEqual([2, 7]);
    // a mask at a word's edge may belong to the word beside it
    expect(norm('**形象气质佳**').text).toBe('**形象气质佳**');
  });

  it('reads a figure written half in Chinese numerals (9八5, 1八-4五岁, 3十岁), not 一 between digits (a dash)', () => {
    expect(norm('限9八5，1八-4五岁，3十岁以内').text).toBe('限985,18-45岁,30岁以内');
    // a Chinese list number glued after a figure opens the next item (综合5500-6500四.福利), it is not the figure's
    expect(norm('综合5500-6500四.福利').text).toBe('综合5500-6500四.福利');
    expect(norm('经验1一3年').text).toBe('经验1-3年');
  });

  it('never reads a conjunction as a typo (2021年及以后 is not 年纪以后, 已于 is not 已育)', () => {
    expect(norm('2021年及以后毕业，公司已于3月开业').text).toBe('2021年及以后毕业,公司已于3月开业');
  });

  it('folds a short misspelling only where neither end makes a word with its neighbour', () => {
    expect(norm('年领18一48，不签合铜').text).toBe('年龄18-48,不签合同');
    expect(norm('每年领取奖金，混合铜材').text).toBe('每年领取奖金,混合铜材');
  });

  it('reads literary ages as figures, but not where the characters belong to other words', () => {
    expect(norm('年逾花甲者恕不录用').text).toBe('年龄超过60岁者恕不录用');
    expect(norm('满一年方可转正，店里有花甲粉').text).toBe('满一年方可转正,店里有花甲粉');
  });

  it('folds a hand-written guarded spelling under the same guard as a generated one', () => {
    expect(norm('女子年方25，年岁不限，男个不要，年不过40').text).toBe('女子年龄25,年龄不限,男的不要,年龄不超过40');
    expect(norm('每年岁末发奖，男个子175，一年不过两次，明年方向').text).toBe('每年岁末发奖,男个子175,一年不过两次,明年方向');
  });

  it('reads circled numbers as list marks, not figures glued to the next one', () => {
    const n = norm('要求：①45-55岁②持证❸体检');
    expect(n.text).toBe('要求:;45-55岁;持证;体检');
    expect(toOriginalRange(n, 4, 11)).toEqual([4, 11]);
  });

  it('reads circled numbers that write a figure as its digits: beside another, or before a unit', () => {
    expect(norm('⑨⑧⑤/②①①优先，月入⑤w+，月入②-⑤萬').text).toBe('985/211优先,月入5w+,月入2-5万');
    expect(norm('㉚岁以内，⑱-㉟岁，年龄５⓪岁以下').text).toBe('30岁以内,18-35岁,年龄50岁以下');
  });

  it('drops stars and emoji set between the digits of one figure, and reads a cake as 岁', () => {
    expect(norm('身高1⭐6⭐0cm以上，3️⃣5️⃣🎂以下').text).toBe('身高160cm以上,35岁以下');
    // an arrow between figures is a step, not decoration
    expect(norm('18→35').text).toBe('18→35');
  });

  it('folds what posts write past keyword filters: variant glyphs, a character split in two, 钕 for 女', () => {
    expect(norm('形像気質佳，年齢30歳以下').text).toBe('形象气质佳,年龄30岁以下');
    expect(norm('限未女昏，田力生优先，只要钕生').text).toBe('限未婚,男生优先,只要女生');
    expect(norm('限侽性，顔値高，扌甲身份证，夲地人優先').text).toBe('限男性,颜值高,押身份证,本地人优先');
    // a neighbour that makes a word with the parts keeps them: 种田 and 力气 are words
    expect(norm('种田力气大').text).toBe('种田力气大');
  });

  it('reads an arrow between two words as a step of a list, and inside a word as noise', () => {
    expect(norm('添加客服→审核作品→缴纳').text).toBe('添加客服,审核作品,缴纳');
    expect(norm('押→金').text).toBe('押金');
  });

  it('folds Korean phrases as whole words only, mapped back to the Korean', () => {
    const n = norm('여자만 30세 이하, 키 160 이상');
    expect(n.text).toBe('限女性 30岁以下, 身高160以上');
    expect(toOriginalRange(n, 0, 3)).toEqual([0, 3]);
    expect(norm('키보드 판매, 불가능').text).toBe('키보드 판매, 불가능');
  });

  it('drops a Markdown strike-out (withdrawn) and reads escaped characters as themselves, but keeps a range of figures', () => {
    expect(norm('~~入职需交工服费100元~~ 工服免费发放').text).toBe('  工服免费发放');
    expect(norm('年龄18\\~45岁').text).toBe('年龄18-45岁');
    expect(norm('年龄20~~35岁').text).toBe('年龄20-35岁');
    // a colloquial flourish after a word is no strike: what stands between two of them stays
    expect(norm('招采摘工啦～～限男性，一天四小时～～').text).toContain('限男性,一天四小时');
  });

  it('folds written Cantonese into the Mandarin the rules read', () => {
    expect(norm('唔要四川人，要男嘅，廿五歲以下').text).toBe('不要四川人,要男的,25岁以下');
  });

  it('removes noise inside Chinese terms but keeps it between other characters', () => {
    expect(norm('限 男 性，押-金，限*男').text).toBe('限男性,押金,限男');
    expect(norm('8-15k, A B').text).toBe('8-15k, a b');
  });

  it("reads a form's fields from two initials in a post's list, and their values after them", () => {
    expect(norm('要求：xb：nan，nl 25-40，sg170+，18-40sui，需苏州hk').text).toBe('要求:性别:男,年龄 25-40,身高170+,18-40岁,需苏州户口');
  });

  it('leaves two initials alone in an account name or before an amount', () => {
    expect(norm('加微信sg6621咨询').text).toBe('加微信sg6621咨询');
    expect(norm('日薪HK$1,100，包住').text).toBe('日薪hk1,100,包住');
  });

  it('folds declared pinyin and symbols only next to Chinese characters', () => {
    expect(norm('nan性优先，押jin，限♂').text).toBe('男性优先,押金,限男');
    expect(norm('nancy ya').text).toBe('nancy ya');
  });

  it('reads HTML entities left by scraping as the characters they stand for, mapped back to the entity', () => {
    const n = norm('年龄35&nbsp;岁以下，限&#30007;性，A&amp;B公司');
    expect(n.text).toBe('年龄35 岁以下,限男性,a&b公司');
    const at = n.text.indexOf('男');
    expect(toOriginalRange(n, at, at + 1)).toEqual([15, 23]);
    // the original text stays on the result (a quoted-wording role reads quotation marks normalisation drops)
    expect(n.original).toBe('年龄35&nbsp;岁以下，限&#30007;性，A&amp;B公司');
  });

  it('drops zero-width characters, bidi marks and control characters', () => {
    expect(norm('限\u200b男\u202e性\u0007').text).toBe('限男性');
  });

  it('maps every normalised range back to the exact original text', () => {
    const original = '👇要求：限 男 性，僅限女性，Male only';
    const n = norm(original);
    const find = (s: string) => {
      const at = n.text.indexOf(s);
      const [a, b] = toOriginalRange(n, at, at + s.length);
      return original.slice(a, b);
    };
    expect(find('限男性')).toBe('限 男 性');
    expect(find('仅限女性')).toBe('僅限女性');
    expect(find('限男性,')).toBe('限 男 性，');
    expect(original.slice(...toOriginalRange(n, n.text.lastIndexOf('限男性'), n.text.length))).toBe('Male only');
  });

  it('survives lone surrogates and astral characters', () => {
    const n = norm('\ud800限男性😀\udfff');
    expect(n.text).toBe('限男性😀');
    expect(n.starts.length).toBe(n.text.length);
  });
});
