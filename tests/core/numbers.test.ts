import { describe, expect, it } from 'vitest';
import { normalize } from '../../functions/core/normalize.js';
import { chineseNumeral } from '../../functions/core/numbers.js';
import { engine } from './engine-fixture.js';

const norm = (s: string) => normalize(s, engine.lexicon.variants).text;

describe('number folding', () => {
  it.each([
    ['1.20-35岁', ';20-35岁'],
    ['2.18-40岁', ';18-40岁'],
    ['１．22-28岁', ';22-28岁'],
    ['2、40周岁以下', ';40周岁以下'],
    ['1.25~35岁', ';25-35岁'],
    ['要求：1.男性2.20-35岁', '要求:;男性;20-35岁'],
    ['2. 80后', '; 80后'],
    // after an emoji or a symbol bullet, as after punctuation
    ['招学徒✂️1.16-25岁', '招学徒✂;16-25岁'],
    ['招经纪人🏠1.22-35岁', '招经纪人🏠;22-35岁'],
  ])('turns the list number in %s into a clause break', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it.each([
    ['18——25周岁', '18-25周岁'],
    ['20---35岁', '20-35岁'],
    ['16--50岁', '16-50岁'],
    ['年龄在20到35之间', '年龄在20-35之间'],
    ['18至35岁', '18-35岁'],
  ])('folds the range %s', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it.each([
    ['三十五岁以下', '35岁以下'],
    ['十八至三十五周岁', '18-35周岁'],
    ['四十以内', '40以内'],
    ['身高一米七以上', '身高170cm以上'],
    ['月薪一万二', '月薪12000'],
    ['一天三四百', '一天300-400'],
    ['年入二三十万', '年入20-30万'],
    // money after a payment, fee or pay word; 一百八 is 180 (the tail digit counts tens)
    ['先交一百九十八激活会员', '先交198激活会员'],
    ['体检费一百八', '体检费180'],
    ['介绍费每人三百', '介绍费每人300'],
    ['押金三百', '押金300'],
    // …and not a count or a figure of speech
    ['交一下资料', '交一下资料'],
    ['每人一份', '每人一份'],
  ])('writes the Chinese numerals of %s in digits', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it('reads a round amount in figures with its next digit (1万5, 2w8, 3千5), not a decimal or 1万5千', () => {
    expect(norm('保底月薪1万5，月薪2w8，底薪3千5')).toBe('保底月薪15000,月薪28000,底薪3500');
    expect(norm('版本1.2万5，1万5千')).toBe('版本1.2万5,1万5千');
  });

  it('writes a round amount after a payment or pay word as a figure with its unit (交两千块 → 交2千块)', () => {
    expect(norm('进厂先交两千块学费')).toBe('进厂先交2千块学费');
    expect(norm('老师最少都是月入三万')).toBe('老师最少都是月入3万');
    // a figure with its next digit is the whole amount, and a numeral not after a money word stays
    expect(norm('工资两千五')).toBe('工资2500');
    expect(norm('招两千名')).toBe('招两千名');
  });

  it('reads formal numerals before a large unit as plain ones the amount parser knows (壹萬, 叁仟)', () => {
    // after a pay word a round amount is a figure with its unit (the next test)
    expect(norm('月薪壹萬起，补贴叁仟元')).toBe('月薪1万起,补贴3千元');
    expect(norm('收入壹萬起')).toBe('收入一万起');
    expect(norm('贰拾伍岁以下，壹年合同')).toBe('25岁以下,1年合同');
  });

  it('reads two neighbouring years in numerals as a range (四十五六岁), and nothing else of the kind', () => {
    expect(norm('四十五六岁上下，三十七八岁的')).toBe('45-46岁上下,37-38岁的');
    expect(norm('四十五九岁')).toBe('四十五九岁');
  });

  it('reads a list number glued after a Latin word before an age (sql3.35岁以下4.), and a bare range before the next item', () => {
    expect(norm('熟悉Spark SQL3.35岁以下4.有经验')).toBe('熟悉spark sql;35岁以下;有经验');
    expect(norm('1.18-35 2.能上夜班')).toBe(';18-35 ;能上夜班');
    expect(norm('版本v3.5的岁月')).toBe('版本v3.5的岁月');
  });

  it('reads a top end with tens after a figure and a connector as a figure (18到二十五)', () => {
    expect(norm('年龄18到二十五，女性优先')).toBe('年龄18-25,女性优先');
  });

  it('reads 一下 after a figure as 以下, and nowhere else', () => {
    expect(norm('35岁一下，请稍等一下')).toBe('35岁以下,请稍等一下');
  });

  it('reads a generation in Chinese numerals as digits (九五后, 八零后, 零零后), and no other numeral before 后', () => {
    expect(norm('只要九五后，八零后勿扰，零零后优先')).toBe('只要95后,80后勿扰,00后优先');
    expect(norm('三天后上岗，十五后发薪')).toBe('三天后上岗,十五后发薪');
    // a list of generations writes 后 once; a list number before one is no decimal (3.90后), a decimal after a word stays
    expect(norm('限80、90后，85/90/95后优先')).toBe('限80后、90后,85后/90后/95后优先');
    expect(norm('2.逻辑清晰 3.90后，指数3.95后回落')).toBe(';逻辑清晰 ;90后,指数3.95后回落');
    // a one-digit list number before a generation is a list number (1、85后), two digits are a list of figures (41、23的)
    expect(norm('要求：1、85后、90后，身份证前两位为41、23的')).toBe('要求:;85后、90后,身份证前两位为41、23的');
  });

  it('reads items lettered a. b. c. as list items, where the first two are lettered, and no lone letter', () => {
    expect(norm('A.性别不限 B.25至40岁 C.高中学历以上')).toBe(';性别不限 ;25-40岁 ;高中学历以上');
    expect(norm('维生素a.每日一粒，plan b.25岁')).toBe('维生素a.每日一粒,plan b.25岁');
  });

  it('reads a comma between figures as thousands only where typed as one or before an amount\'s unit', () => {
    expect(norm('月薪3,800元，年薪30，000元')).toBe('月薪3800元,年薪30000元');
    expect(norm('年龄上限40，211以上院校')).toBe('年龄上限40,211以上院校');
  });

  it('reads 已下 and 已内 after a figure as 以下 and 以内, and not where a verb follows or a word comes between', () => {
    expect(norm('50岁已下，订单3单已下')).toBe('50岁以下,订单3单已下');
    expect(norm('年龄45已下，年龄40已内')).toBe('年龄45以下,年龄40以内');
    expect(norm('今天30已下单，名额2已内定')).toBe('今天30已下单,名额2已内定');
    expect(norm('年纪在45岁下都可以，18岁下班')).toBe('年纪在45岁以下都可以,18岁下班');
  });

  it('reads a Chinese numeral after a comparison as a figure, with or without its unit', () => {
    expect(norm('年龄不超过五十，未满十八周岁，低于三十五')).toBe('年龄不超过50,未满18周岁,低于35');
    expect(norm('年过五十的勿扰，过了三十的不要')).toBe('年过50的勿扰,过了30的不要');
    expect(norm('不超过一切，超过一半，不超过一两天')).toBe('不超过一切,超过一半,不超过一两天');
  });

  it('reads both ends of a range written with tens as figures (四十五到五十五), not a range of small numbers', () => {
    expect(norm('年龄四十五到五十五都行，三十至四十人')).toBe('年龄45-55都行,30-40人');
    expect(norm('一到两年')).toBe('一到两年');
  });

  it.each(['月薪1.5-2万', '3.5万', '1.5年以上经验', '五险一金，一律不退', '版本2.0', '身高1.75以上'])('leaves %s alone', (text) => {
    expect(norm(text)).toBe(text.replace('，', ','));
  });

  it('reads Chinese numerals below a thousand', () => {
    expect(chineseNumeral('三十五')).toBe(35);
    expect(chineseNumeral('叁拾伍')).toBe(35);
    expect(chineseNumeral('十八')).toBe(18);
    expect(chineseNumeral('二零')).toBe(20);
    expect(chineseNumeral('一律')).toBeUndefined();
  });
});
