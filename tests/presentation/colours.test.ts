/**
 * The category colours tell categories apart for everyone: every pair far apart in CIELAB, each visibly
 * tinted against white, and the text on each readable (WCAG contrast ≥ 7:1, AAA).
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../functions/core/categories.js';
import { CATEGORY_COLOURS, CATEGORY_LABELS, TEXT_COLOUR } from '../../functions/presentation/labels.js';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: Rgb) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
function lab([r, g, b]: Rgb): Rgb {
  const [R, G, B] = [linear(r), linear(g), linear(b)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const X = f((R * 0.4124 + G * 0.3576 + B * 0.1805) / 0.95047);
  const Y = f(R * 0.2126 + G * 0.7152 + B * 0.0722);
  const Z = f((R * 0.0193 + G * 0.1192 + B * 0.9505) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
}
/** CIE76 ΔE: about 2.3 is just noticeable; 20 and more reads as a different colour. */
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

describe('category colours', () => {
  it('every category, incomplete included, has a label and a colour of its own', () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_LABELS[c]).toMatch(/\S/);
      expect(CATEGORY_COLOURS[c]).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(CATEGORY_LABELS.incomplete).toBe('要素不全');
    expect(new Set(Object.values(CATEGORY_COLOURS)).size).toBe(CATEGORIES.length);
  });

  it('keeps the text on every colour at a contrast of 7:1 or more', () => {
    for (const c of CATEGORIES) expect(contrast(rgb(CATEGORY_COLOURS[c]), rgb(TEXT_COLOUR)), c).toBeGreaterThanOrEqual(7);
  });

  it('tints each colour visibly against white (the 院校层次 of old was all but white)', () => {
    for (const c of CATEGORIES) expect(deltaE(rgb(CATEGORY_COLOURS[c]), [255, 255, 255]), c).toBeGreaterThanOrEqual(15);
  });

  it('keeps every pair of categories apart (年龄 and 劳动权益, 外貌 and 薪资承诺 were the same)', () => {
    for (const [i, a] of CATEGORIES.entries()) {
      for (const b of CATEGORIES.slice(i + 1)) {
        expect(deltaE(rgb(CATEGORY_COLOURS[a]), rgb(CATEGORY_COLOURS[b])), `${a} / ${b}`).toBeGreaterThanOrEqual(20);
      }
    }
  });
});
