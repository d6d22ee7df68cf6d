/**
 * A list of regexes from a rule's params, tested as one: does any of them match a text? Each is tried on its own,
 * in the list's order, until one matches: the first entries usually decide (工作地点, 是一家), where one
 * alternation of them all would try every entry at every position.
 *
 * An entry that begins with a lookbehind (`(?<=[\p{Script=Han}]{2})(?:有限公司|…)`) is slow in V8, which checks
 * the lookbehind at every position before it looks for the rest; such an entry finds the rest first and looks
 * behind each place it starts, which is the same test.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2024 });

export class PatternList {
  private readonly tests: ((text: string) => boolean)[];

  constructor(sources: readonly string[], flags: string) {
    this.tests = sources.map((source) => entryTest(source, flags));
  }

  /** Like RegExp.test of the list's alternation. */
  test(text: string): boolean {
    for (const test of this.tests) if (test(text)) return true;
    return false;
  }
}

function entryTest(source: string, flags: string): (text: string) => boolean {
  const split = leadingLookbehind(source, flags.includes('u'));
  if (!split) {
    const re = new RegExp(source, flags);
    return (text) => re.test(text);
  }
  const rest = new RegExp(split.rest, `${flags}g`);
  const behind = new RegExp(`(?<=${split.behind})`, `${flags}y`);
  return (text) => {
    rest.lastIndex = 0;
    for (let m = rest.exec(text); m; m = rest.exec(text)) {
      behind.lastIndex = m.index;
      if (behind.test(text)) return true;
      // the next place the rest starts, one character on (two code units for one outside the BMP)
      rest.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
    }
    return false;
  };
}

/**
 * `(?<=B)R` as B and R, when the lookbehind covers the whole entry: the pattern has one alternative (the lookbehind
 * would be one alternative's only) and no backreference (R alone would renumber its groups). Otherwise undefined.
 */
export function leadingLookbehind(source: string, unicode = true): { behind: string; rest: string } | undefined {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode });
  } catch {
    return undefined;
  }
  const [first, ...rest] = pattern.alternatives.length === 1 ? pattern.alternatives[0]!.elements : [];
  if (first?.type !== 'Assertion' || first.kind !== 'lookbehind' || first.negate || !rest.length) return undefined;
  let backreference = false;
  visitRegExpAST(pattern, { onBackreferenceEnter: () => (backreference = true) });
  if (backreference) return undefined;
  return { behind: source.slice(first.start + '(?<='.length, first.end - 1), rest: source.slice(first.end) };
}
