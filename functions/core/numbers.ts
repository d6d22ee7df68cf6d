/**
 * Number folding, the last normalisation pass: real boards write the same figures many ways, and rules
 * should see one. It folds
 * - list numbers glued to a figure or a word (`1.20-35岁`, `2、40周岁以下`, `3.男性`) into a clause break;
 * - dash, em-dash, tilde, 一, 到 and 至 runs between two figures (`18——25`, `20---35`, `25~35`, `18一35`, `20到35`) into `-`;
 * - Chinese numerals before a unit (`三十五岁`, `叁拾伍周岁`, `六个月`, `一米七`) into digits;
 * - Chinese numerals after a comparison (`不超过五十`, `未满十八`): a bound is a figure whatever follows;
 * - Chinese numerals for money after a payment, fee or pay word (`先交一百九十八`, `体检费一百八`);
 * - 一下 and 已下 typed for their homophone 以下 after a figure (`35岁一下`, `50岁已下`);
 * - generations in Chinese numerals (`九五后`, `八零后`), and each item of a list of them (`80、90后` → `80后、90后`);
 * - items lettered a. b. c. into clause breaks (`A.性别不限 B.25至40岁`).
 * Full-width digits and punctuation are already half-width here (NFKC in the fold pass).
 */
import { replaceMapped, replaceRanges, type Normalized, type Replacement } from './mapped-text.js';

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const MULTIPLIER: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };
const CN_NUMERAL = '[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰]';

/** Value of a Chinese numeral below 1,000 (三十五, 叁拾伍, 十八, 二零), or undefined if it is not one. */
export function chineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  if (![...s].some((c) => c in MULTIPLIER)) {
    // digit by digit: 二零 → 20 (only as a bare run of digits)
    let v = 0;
    for (const c of s) {
      const d = DIGIT[c];
      if (d === undefined) return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in DIGIT) {
      if (digit !== undefined) return undefined;
      digit = DIGIT[c];
    } else {
      total += (digit ?? 1) * MULTIPLIER[c]!;
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

// Units after which a Chinese numeral is an age or a measure, not part of a word (一律, 十分, 五险一金).
// Pay and durations keep their numerals: the pay parser and the probation detector read both forms.
// (出头: 二十出头 is just past twenty, an age)
const UNIT_WORDS = '周岁|岁|斤|公斤|厘米|公分|以内|以下|之内|以上|往上|往下|出头';
const UNIT_AFTER = `(?=\\s*(?:${UNIT_WORDS}))`;
// After a comparison (不超过五十, 低于三十五, 年过五十) a numeral with tens is a bound, with or without its unit (一半, 一两天 are words).
const COMPARISONS = '不超过|不大于|不高于|不满|未满|低于|小于|大于|高于|超过|不超|别超|莫超|年过|过了';
// Right after an age word (年纪五十左右, 年龄：三十五) a numeral with tens is the age itself.
const AGE_WORDS = '(?:年龄|年纪|岁数)(?:在|要求|为|是)?\\s*[:：]?';
const BOUND_BEFORE = `(?<=(?:${COMPARISONS}|${AGE_WORDS})\\s*)`;
// Both ends of a range written with tens (四十五到五十五) are figures, with or without a unit after them; so is a top end
// with tens after a figure (18到二十五).
const WITH_TENS = `${CN_NUMERAL}{0,2}[十拾百佰]${CN_NUMERAL}{0,2}`;
// A range's connector: a dash or tilde run (二十二—三十二岁), 到 or 至.
const CN_RANGE = '(?:[-—–~〜]+|到|至)';
const CN_NUMBER_RE = new RegExp(
  // (a digit right after 万 or 千 is the tail of an amount, 一万二以上: the amount pass reads it)
  `(?<![万千])${CN_NUMERAL}{1,4}${UNIT_AFTER}|${CN_NUMERAL}{1,4}(?=\\s*${CN_RANGE}\\s*${CN_NUMERAL}{1,4}\\s*(?:周岁|岁))|${BOUND_BEFORE}${WITH_TENS}|${WITH_TENS}(?=\\s*${CN_RANGE}\\s*${WITH_TENS})|(?<=(?:${WITH_TENS}|\\d)\\s*${CN_RANGE}\\s*)${WITH_TENS}`,
  'g',
);
// 陆个月, 壹年, 叁仟元: formal numerals are never casual words, so they fold before any unit.
const FORMAL_RE = /[壹贰叁肆伍陆柒捌玖拾佰][壹贰叁肆伍陆柒捌玖拾佰零〇]*(?=\s*(?:个月|个半月|年|月|天|日|元|块|周岁|岁|人|名))/g;
// 壹万, 叁仟: formal numerals before a large unit read as the plain ones the amount folds below know (一万, 三千).
const FORMAL_AMOUNT_RE = /[壹贰叁肆伍陆柒捌玖拾佰仟][壹贰叁肆伍陆柒捌玖拾佰零〇仟]*(?=\s*[万千])|[壹贰叁肆伍陆柒捌玖拾佰][壹贰叁肆伍陆柒捌玖拾佰零〇]*仟/g;
const PLAIN_NUMERAL: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };
// 1 9 9 元: digits spelt out one by one with spaces.
const SPACED_DIGITS_RE = /(?<![\d.])\d(?: \d){2,}(?![\d.])/g;
// 30,000 and 3,800: thousands separated by commas are one figure.
const THOUSANDS_RE = /(?<=(?<![\d.,:])\d{1,3}(?:,\d{3})*),(?=\d{3}(?![\d,]))/g;
const AMOUNT_AFTER_GROUP = /^(?:,\d|\s*(?:元|块|万|千|rmb|人民币|\/|每|$))/;
/** Money in Chinese numerals after a payment, fee or pay word (交一百九十八, 体检费一百八, 每人三百, 先交两千块): a figure. */
const MONEY_WORDS = '交|付|缴|押|费|押金|保证金|体检|工资|月薪|日薪|时薪|年薪|底薪|日结|日入|月入|挣|赚|每人|补贴|奖励|奖|扣';
/** Its cheap pre-test: a money word then a numeral (the same words, so the two cannot drift apart). */
const MAY_HAVE_CN_MONEY = new RegExp(`(?:${MONEY_WORDS})\\s*[一两二三四五六七八九十]`);
const CN_MONEY_RE = new RegExp(`(?<=(?:${MONEY_WORDS})\\s*)(?:[一两二三四五六七八九][千万](?![零〇一两二三四五六七八九十百千万])|[一两二三四五六七八九]百[一两二三四五六七八九](?![十百千万零〇一两二三四五六七八九])|[一两二三四五六七八九十](?:[零〇一两二三四五六七八九十百]){1,4})`, 'g');
// 三四百, 七八千, 四五万: an approximate amount, folded into a range (300-400) the pay parser reads.
const APPROX_RE = /([一两二三四五六七八九])([一两二三四五六七八九])(百|千|万)/g;
// 二三十万, 三四十万: tens of ten thousands, approximate (年入二三十万 is 200,000 to 300,000).
const APPROX_TENS_RE = /[一两二三四五六七八九][一两二三四五六七八九]十[万千]/g;
// 一万二, 三千五: a round amount with its next digit (12000, 3500).
const AMOUNT_TAIL_RE = /([一两二三四五六七八九])(万|千)([一两二三四五六七八九])(?![十百千万一两二三四五六七八九])/g;
// 1万5, 2w8, 3千5: a round amount in figures with its next digit (15000, 28000, 3500).
const DIGIT_AMOUNT_TAIL_RE = /(?<![\d.])(\d{1,2})(万|w|千|k)(\d)(?![\d.万千百wk])/g;
// 四十五六岁, 三十七八岁: an age given as two neighbouring years (45-46岁).
const APPROX_AGE_RE = /[二三四五六]十[一二三四五六七八][二三四五六七八九](?=\s*(?:周岁|岁))/g;
// 一米七, 一米六五: a height in metres written out.
const HEIGHT_RE = new RegExp(`一米([一二三四五六七八九])([一二三四五六七八九五])?`, 'g');
// 1米7, 1米65: the same in figures.
const HEIGHT_DIGITS_RE = /(?<![\d.])1\s*米\s*([4-9])(\d)?(?![\d.])/g;

/**
 * A connector run between two figures: 18——25, 20---35, 25~35, 20到35, 20 至 35 (also after 岁: 18岁-25岁).
 * A single `-` is already the folded form; only other connectors are looked for.
 */
// It starts with the connector, which is rare, and the figures around it are checked from there.
// 一 between two figures (18一35, 3500一5000) is a dash typed on a phone: the keyboards put 一 where - is.
const CONNECTOR_RE = /(?:-{2,}|[—–~〜一]+|到|至)(?=\s*\d)/g;
const FIGURE_BEFORE = /\d\s*(?:周岁|岁|k|K|万|千|元|cm)?$/;

/**
 * A list number: 1-2 digits plus `、` or `.` at the start of a line, after punctuation or glued after a word; not
 * a two-digit figure in a list of them (都是80、90后, 身份证前两位为41、23的; 1、85后 is a list number).
 * After `.` comes a word (1.男性) or an age (1.20-35岁, 2.40周岁以下); anything else is a decimal (3.5万,
 * 1.5-2万, 1.65米) and stays.
 */
// A word, a figure and a full stop before it (视力1.50以下, 指数3.95后) make a decimal, not a list number and its item.
const NOT_A_DECIMAL = '(?<![\\u3400-\\u9fff]\\d\\.)';
// …or an item that is a bound alone, the next item glued after it, a comma or the line ending (1.30以下2.高中以上,
// 1.35以下，高中以上), unless the number follows a word (视力1.50以下 is a decimal).
const AGE_AFTER = `\\d{1,2}\\s*(?:周岁|岁|(?:-+|~|—+|到|至)\\s*\\d{1,2}\\s*(?:周岁|岁))|${NOT_A_DECIMAL}[2-6]\\d\\s*(?:以下|以内|之内)(?=\\s*\\d{1,2}[.、]|[ \\t]*$|\\s*[,，、;；])`;
// …or a school tier (1.211以上院校本科: 1.211 is no decimal; 增长1.211倍 is), a generation (2.逻辑清晰 3.90后; 指数3.95后回落
// is a decimal), a birth year (2.88年以后出生), or a bare range of ages closing its item (1.18-35，声音有亲和力; 1.18-35 2.能上夜班).
const ITEM_FIGURE_AFTER = `${AGE_AFTER}|${NOT_A_DECIMAL}(?:[5-9][05]|0[05])后|${NOT_A_DECIMAL}\\d{2}\\s*年\\s*(?:以后|以前|之后|之前|后|前)?\\s*(?:出生|生)|${NOT_A_DECIMAL}(?:985|211)(?![\\d.])|${NOT_A_DECIMAL}[1-6]\\d\\s*(?:-+|~|—+|到|至)\\s*[2-6]\\d(?![\\d.])(?=\\s*[,，、;；]|[ \\t]*$|[ \\t]+\\d{1,2}\\s*[.、](?!\\d))`;
// An emoji or symbol bullet glued before the number opens an item as punctuation does (招学徒✂️1.16-25岁): the symbol
// blocks (arrows to dingbats, ★ ● ✂) and the astral emoji's low surrogates (🏠).
const SYMBOL_BULLET = '\\u2190-\\u2bff\\udc00-\\udfff';
// It starts with the figure and looks behind after it: a regex that starts with a class of characters scans fast.
// A list number and its item share a line: a figure and a full stop at a line's end close a sentence (under 30.).
// After a space (mid-line) a list number is small (1-15), and a figure and a full stop before an English word end a
// sentence (under 40. a deposit…, under 50. 人 speaker where native was folded).
const LIST_RE = new RegExp(
  `\\d(?<=(?:^|[\\n,，;；:：。!！?？)）\\]】\\u3400-\\u9fff${SYMBOL_BULLET}])\\d)\\d?(?:、(?!(?<=\\d\\d、)\\s*\\d{2}\\s*(?:后|的|开头))(?=\\s*[\\d\\u3400-\\u9fffa-z(（])|\\.(?=[ \\t]+\\S|[ \\t]*(?:[\\u3400-\\u9fffa-z(（]|${ITEM_FIGURE_AFTER})))` +
    `|\\d(?<=[ \\t]\\d)(?:(?<=1)[0-5])?(?!\\d)(?:、(?!(?<=\\d\\d、)\\s*\\d{2}\\s*(?:后|的|开头))(?=\\s*[\\d\\u3400-\\u9fff(（])|\\.(?=[ \\t]+[^\\sa-z]|[ \\t]*(?:[\\u3400-\\u9fff(（]|${ITEM_FIGURE_AFTER})))` +
    // …or glued after a Latin word before an age (熟悉Spark SQL3.35岁以下4.有…): no age has two decimals
    `|\\d(?<=[a-z]\\d)\\.(?=\\d{2}\\s*(?:周岁|岁))`,
  'gm',
);

/**
 * Items lettered a. b. c. (A.性别不限 B.25至40岁): a clause break like a list number, in a text that letters at least
 * its first two items, so that a lone a. or b. in other words stays.
 */
const LETTER_LIST_RE = /(?:^|[\s,;:。])a[.、][^\n]*?[\s,;:。]b[.、]/;
const LETTER_ITEM_RE = /(?<=^|[\s,;:。])[a-h][.、](?=\s*[\u3400-\u9fff\d])/g;

/** Replaces every match of `re` in `n`, computing the replacement from the match (offsets stay mapped). */
function fold(n: Normalized, re: RegExp, to: (m: string, at: number) => string): Normalized {
  return replaceMapped(n, re, to);
}

// 35岁一下, 50岁已下, 45已下: after a figure, 一下 (a moment) can only be 以下 typed by pinyin, and so can 已下 (already
// down) unless a verb follows (3单已下单, 2人已下班).
// 40岁下 (a headline's shorthand): 下 right after an age, with no word after it (or 都, 的: 年纪在45岁下都可以), is 以下 too.
const BELOW_TYPO_RE = /(?<=\d\s*(?:周岁|岁)?\s*)一下|(?<=\d\s*(?:周岁|岁)?\s*)已下(?![单班架载线发达])|(?<=\d\s*(?:周岁|岁)\s*)下(?=$|[^\u3400-\u9fff]|都|均|的|者|也)/g;
// 45岁内, 25岁已内, 40已内: 内 right after an age is 以内 said short or mistyped (not 内勤, 内容, 内部…: a word that 内
// begins); 已内 after any figure is 以内 mistyped (2人已内定 is a verb).
const WITHIN_SHORT_RE = /(?<=\d\s*(?:周岁|岁)\s*)已?内(?![勤容部训推地蒙外科衣存])|(?<=\d\s*)已内(?!定)/g;

// Cheap tests that skip a pattern's full pass when its text cannot be there (most ads have few numerals).
const MAY_HAVE_CN_UNIT = new RegExp(`${CN_NUMERAL}(?:\\s*(?:${UNIT_WORDS}|${CN_RANGE}))|(?:${COMPARISONS}|${AGE_WORDS}|\\d\\s*${CN_RANGE})\\s*${CN_NUMERAL}`);
const MAY_HAVE_CN_AMOUNT = /[一两二三四五六七八九十][万千百]/;

/** 九五后, 八零后, 零零后: a generation in Chinese numerals is the same generation in digits (95后, 80后, 00后). */
const GENERATION_RE = /[五六七八九零〇][零〇五](?=后)/g;
/** 80、90后, 85/90/95后: a list of generations writes 后 once, after the last; each item is a generation (80后、90后). */
const GENERATION_ITEM = '(?:[5-9][05]|0[05])';
const GENERATION_LIST_RE = new RegExp(`(?<![\\d.])${GENERATION_ITEM}(?=\\s*[、,/和及与]\\s*(?:${GENERATION_ITEM}\\s*[、,/和及与]\\s*)*${GENERATION_ITEM}后)`, 'g');

export function foldNumbers(n: Normalized, original?: string): Normalized {
  let out = n;
  if (/[零〇五]后/.test(out.text)) out = fold(out, GENERATION_RE, (m) => [...m].map((c) => String(chineseNumeral(c))).join(''));
  if (/\d[05]后/.test(out.text)) out = fold(out, GENERATION_LIST_RE, (m) => `${m}后`);
  if (out.text.includes('一米')) {
    out = fold(out, HEIGHT_RE, (m) => {
      const rest = m.slice(2);
      const cm = 100 + (chineseNumeral(rest[0]!) ?? 0) * 10 + (rest[1] ? (chineseNumeral(rest[1]) ?? 0) : 0);
      return `${cm}cm`;
    });
  }
  if (out.text.includes('米')) {
    out = fold(out, HEIGHT_DIGITS_RE, (m) => {
      const [decimetres, centimetres = '0'] = m.replace(/^1\s*米\s*/, '');
      return `${100 + Number(decimetres) * 10 + Number(centimetres)}cm`;
    });
  }
  if (out.text.includes('岁')) {
    out = fold(out, APPROX_AGE_RE, (m) => {
      const tens = chineseNumeral(m[0]!)! * 10;
      const [low, high] = [chineseNumeral(m[2]!)!, chineseNumeral(m[3]!)!];
      return high === low + 1 ? `${tens + low}-${tens + high}` : m;
    });
  }
  if (MAY_HAVE_CN_UNIT.test(out.text)) out = fold(out, CN_NUMBER_RE, (m) => String(chineseNumeral(m) ?? m));
  if (/[壹贰叁肆伍陆柒捌玖拾佰]/.test(out.text)) {
    out = fold(out, FORMAL_AMOUNT_RE, (m) => [...m].map((c) => PLAIN_NUMERAL[c] ?? c).join(''));
    out = fold(out, FORMAL_RE, (m) => String(chineseNumeral(m) ?? m));
  }
  if (MAY_HAVE_CN_AMOUNT.test(out.text)) {
    out = fold(out, AMOUNT_TAIL_RE, (m) => {
      const unit = m[1] === '万' ? 10_000 : 1_000;
      return String(chineseNumeral(m[0]!)! * unit + chineseNumeral(m[2]!)! * (unit / 10));
    });
    out = fold(out, APPROX_TENS_RE, (m) => `${chineseNumeral(m[0]!)! * 10}-${chineseNumeral(m[1]!)! * 10}${m[3]}`);
    out = fold(out, APPROX_RE, (m) => {
      const unit = { 百: 100, 千: 1000, 万: 10000 }[m[2] as '百' | '千' | '万'];
      return `${chineseNumeral(m[0]!)! * unit}-${chineseNumeral(m[1]!)! * unit}`;
    });
  }
  if (MAY_HAVE_CN_MONEY.test(out.text)) {
    out = fold(out, CN_MONEY_RE, (m) => {
      // 两千, 三万: a round amount keeps its unit (2千, 3万), as figures written with one are read (a figure with its
      // next digit, 两千五, was folded above)
      const round = /^([一两二三四五六七八九])([千万])$/.exec(m);
      if (round) return `${chineseNumeral(round[1]!)}${round[2]}`;
      // 一百八: a hundred and eighty (the tail digit counts tens), 一百九十八: 198
      const tail = /^([一两二三四五六七八九])百([一两二三四五六七八九])$/.exec(m);
      if (tail) return String(chineseNumeral(tail[1]!)! * 100 + chineseNumeral(tail[2]!)! * 10);
      return String(chineseNumeral(m) ?? m);
    });
  }
  if (!/\d/.test(out.text)) return out;
  if (out.text.includes('一下') || out.text.includes('已下') || out.text.includes('岁下')) out = fold(out, BELOW_TYPO_RE, () => '以下');
  if (out.text.includes('岁内') || out.text.includes('已内')) out = fold(out, WITHIN_SHORT_RE, () => '以内');
  if (/\d[万w千k]\d/.test(out.text)) {
    out = fold(out, DIGIT_AMOUNT_TAIL_RE, (m) => {
      // the match is the lead figure, the unit and one digit: 1万5, 12w8
      const size = m.at(-2) === '万' || m.at(-2) === 'w' ? 10_000 : 1_000;
      return String(Number(m.slice(0, -2)) * size + Number(m.at(-1)) * (size / 10));
    });
  }
  if (/\d \d \d/.test(out.text)) out = fold(out, SPACED_DIGITS_RE, (m) => m.replace(/ /g, ''));
  if (/\d,\d{3}/.test(out.text)) {
    const written = out;
    // a full-width comma separates thousands only before an amount's unit (月薪30，000元); elsewhere it ends a clause
    // (年龄上限40，211以上院校)
    out = fold(out, THOUSANDS_RE, (m, at) =>
      original?.[written.starts[at]!] === '，' && !AMOUNT_AFTER_GROUP.test(written.text.slice(at + 4, at + 8)) ? m : '',
    );
  }
  if (LETTER_LIST_RE.test(out.text)) out = fold(out, LETTER_ITEM_RE, () => ';');
  // List numbers and range connectors never overlap (a connector stands between figures, a list number
  // before a word or a figure): both are found in one text and replaced in one copy.
  const lists = matchesOf(out.text, LIST_RE, ';');
  return replaceRanges(out, mergeInOrder(lists, rangeConnectors(out.text)));
}

function matchesOf(text: string, re: RegExp, replacement: string): Replacement[] {
  const found: Replacement[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ start: m.index, end: m.index + m[0].length, text: replacement });
  return found;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09;

/** Each connector between two figures with the spaces around it: `20 到 35` → `20-35`. */
function rangeConnectors(text: string): Replacement[] {
  const found: Replacement[] = [];
  for (const { start, end } of matchesOf(text, CONNECTOR_RE, '-')) {
    let s = start;
    while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
    if (!FIGURE_BEFORE.test(text.slice(Math.max(0, s - 8), s))) continue;
    let e = end;
    while (isSpace(text.charCodeAt(e))) e++;
    found.push({ start: s, end: e, text: '-' });
  }
  return found;
}

/** Two sorted lists of replacements as one; where two overlap, the first list's wins. */
function mergeInOrder(first: Replacement[], second: Replacement[]): Replacement[] {
  if (!second.length) return first;
  const all = [...first, ...second.filter((r) => !first.some((f) => f.start < r.end && r.start < f.end))];
  return all.sort((a, b) => a.start - b.start);
}
