/**
 * Findings on structured conditions (a posting form's 性别要求, 年龄要求, 学历要求, 户籍): the same categories and
 * rules as text, with `field` naming the path and the span covering the value as text (`conditions.ageMax`: "35").
 */
import type { Ad } from '../ad.js';
import type { ConditionPath } from '../lexicon/schema.js';

export interface CompiledFieldCondition {
  path: ConditionPath;
  /** Folded neutral words (不限, 均可, the field's own): a text value holding one is no condition. */
  neutral: RegExp | null;
  /** When set, a text value counts only when it holds one of these words. */
  words: RegExp | null;
  above?: number;
  adult?: { above: number; work: RegExp };
}

/** The value at `path` (conditions.gender → ad.conditions.gender). */
export function conditionValue(ad: Ad, path: ConditionPath): string | number | undefined {
  const key = path.slice('conditions.'.length) as keyof NonNullable<Ad['conditions']>;
  return ad.conditions?.[key];
}

/**
 * Whether a stated value is a finding. `fold` writes a value like ad text (NFKC, simplified, lower case);
 * `adText` is the ad's normalised text (the work it names decides the lawful minimum age).
 */
export function conditionHolds(c: CompiledFieldCondition, value: string | number, fold: (s: string) => string, adText: string): boolean {
  if (typeof value === 'number') {
    if (c.above === undefined) return true;
    const limit = c.adult && c.adult.work.test(adText) ? c.adult.above : c.above;
    return value > limit;
  }
  const v = fold(value).trim();
  if (!v || /^(?:无|没有|不限|\/|-|—)$/.test(v)) return false;
  if (c.neutral?.test(v)) return false;
  return c.words ? c.words.test(v) : true;
}
