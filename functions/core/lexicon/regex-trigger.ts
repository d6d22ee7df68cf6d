/**
 * The literal words a regex cannot match without: its trigger.
 *
 * Most rule regexes are alternations of phrases around a few gaps (`(?:先交|需交|缴纳)\s*\d+元`). Every match
 * holds one of a small set of words, so the regex only needs to run where one of them stands: the engine
 * finds all triggers of all regexes in one scan of the text and runs each regex on the sentences holding its
 * words, or, when every match starts with one, only at those words. Authors write plain regexes and get
 * this for free; a regex with no usable trigger (it starts with `\d+` and holds no literal) runs everywhere.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

export interface RegexTrigger {
  /** Every match holds one of these words… */
  words: string[];
  /** …and starts with one of them: the regex need only be tried at their positions. */
  atStart: boolean;
}

/** More alternatives than this are not worth a trigger (the scan would find them everywhere anyway). */
const MAX_WORDS = 400;
/** Words this long are rare enough: making them longer would only multiply them. */
const LONG_ENOUGH = 3;
/** A character class is expanded into its characters up to this size (`[男女]`, `[2-6]`). */
const MAX_CLASS = 10;

type Words = string[] | null;

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** The trigger of a regex source, or undefined when it has none worth using. */
export function regexTrigger(source: string): RegexTrigger | undefined {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false });
  } catch {
    return undefined;
  }
  const atStart = unionOf(pattern.alternatives.map((alt) => prefixOf(alt.elements)));
  const anywhere = unionOf(pattern.alternatives.map((alt) => containedIn(alt.elements)));
  // A trigger of one character only pays when it is what every match starts with: the regex is then tried at
  // those characters alone, which costs less than running it over the field.
  const shortest = (words: string[]) => Math.min(...words.map((w) => w.length));
  if (atStart && (score(atStart) >= score(anywhere) || shortest(anywhere!) < 2)) return { words: atStart, atStart: true };
  if (anywhere && shortest(anywhere) >= 2) return { words: anywhere, atStart: false };
  return undefined;
}

/** Longer words are rarer; fewer of them scan faster. */
function score(words: Words): number {
  if (!words) return -Infinity;
  return Math.min(...words.map((w) => w.length)) * 1000 - words.length;
}

function unionOf(sets: Words[]): Words {
  if (sets.some((s) => s === null)) return null;
  const all = [...new Set(sets.flat() as string[])];
  return all.length && all.length <= MAX_WORDS && !all.includes('') ? all : null;
}

/** The best set of words found in every match of a sequence: the prefix of one of its tails. */
function containedIn(elements: readonly AST.Element[]): Words {
  let best: Words = null;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    // Inside a group of gaps and words every alternative may hold its own rarer words (a group of words
    // only is already one of the tails' prefixes).
    const isGroup = el.type === 'Group' || el.type === 'CapturingGroup';
    const inner = isGroup && !exactOf(el) ? unionOf(el.alternatives.map((alt) => containedIn(alt.elements))) : null;
    for (const candidate of [prefixOf(elements.slice(i)), inner]) if (score(candidate) > score(best)) best = candidate;
  }
  return best;
}

/** The words every match of a sequence starts with, as long as they can be made; null if it may start anywhere. */
function prefixOf(elements: readonly AST.Element[]): Words {
  let words = [''];
  for (const el of elements) {
    if (isZeroWidth(el)) continue;
    if (words.every((w) => w.length >= LONG_ENOUGH)) break;
    const exact = exactOf(el);
    const next = product(words, exact ?? headOf(el) ?? []);
    // Too many combinations, or nothing fixed here: the words so far are still what every match starts with.
    if (!next.length) break;
    words = next;
    if (!exact) break;
  }
  if (!words.length || words.includes('')) return null;
  // 限女 already covers 限女性 (an optional tail adds nothing to what a match starts with). Sorted, a word's
  // shortest prefix in the set comes before it, and every word in between starts with that prefix too.
  const kept: string[] = [];
  for (const w of [...words].sort()) if (!kept.length || !w.startsWith(kept[kept.length - 1]!)) kept.push(w);
  return kept;
}

/** What an element starts with when it is not a fixed set of strings: a group's prefixes, or a repeated element's. */
function headOf(el: AST.Element): Words {
  if (el.type === 'Group' || el.type === 'CapturingGroup') return unionOf(el.alternatives.map((alt) => prefixOf(alt.elements)));
  if (el.type === 'Quantifier' && el.min >= 1) return exactOf(el.element) ?? headOf(el.element);
  return null;
}

/** exactOf's answers: every tail of a sequence asks again for the same elements. */
const exactCache = new WeakMap<AST.Element, Words>();

/** The finite set of strings an element matches, or null. */
function exactOf(el: AST.Element): Words {
  let words = exactCache.get(el);
  if (words === undefined) {
    words = computeExact(el);
    exactCache.set(el, words);
  }
  return words;
}

function computeExact(el: AST.Element): Words {
  switch (el.type) {
    case 'Character':
      return [String.fromCodePoint(el.value)];
    case 'CharacterClass': {
      if (el.negate) return null;
      const chars: string[] = [];
      for (const e of el.elements) {
        if (e.type === 'Character') chars.push(String.fromCodePoint(e.value));
        else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < MAX_CLASS) {
          for (let c = e.min.value; c <= e.max.value; c++) chars.push(String.fromCodePoint(c));
        } else return null;
      }
      return chars.length <= MAX_CLASS ? chars : null;
    }
    case 'Group':
    case 'CapturingGroup':
      return unionOf(el.alternatives.map((alt) => sequenceExact(alt.elements)));
    case 'Quantifier':
      // x? or x{1}: both forms are finite
      if (el.max === 1) {
        const one = exactOf(el.element);
        return one ? (el.min === 0 ? ['', ...one] : one) : null;
      }
      return null;
    default:
      return null;
  }
}

function sequenceExact(elements: readonly AST.Element[]): Words {
  let words = [''];
  for (const el of elements) {
    if (isZeroWidth(el)) continue;
    const exact = exactOf(el);
    if (!exact) return null;
    words = product(words, exact);
    if (!words.length) return null;
  }
  return words;
}

/** Every concatenation, or nothing when there would be too many. */
function product(left: string[], right: string[]): string[] {
  if (left.length * right.length > MAX_WORDS) return [];
  return [...new Set(left.flatMap((l) => right.map((r) => l + r)))];
}

function isZeroWidth(el: AST.Element): boolean {
  return el.type === 'Assertion';
}
