/**
 * The same ad in another surface form gets the same verdict: traditional script, full-width ASCII (typed in a
 * full-width input mode), zero-width characters between the characters (a filter evasion), ASCII commas, CRLF
 * line ends, emoji bullets and a rich-text editor's markup. Checked on a sample of every labelled corpus: each form is something real posts do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../functions/core/verdict.js';
import { engine } from './engine-fixture.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const SURFACES: Record<string, (text: string) => string> = {
  'traditional script': (s) => toTraditional(s),
  'full-width ASCII': (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  'zero-width characters between Chinese characters': (s) => s.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/g, '$1\u200b'),
  'ASCII commas': (s) => s.replace(/，/g, ','),
  'CRLF line ends': (s) => s.replace(/\n/g, '\r\n'),
  'an emoji bullet before every line': (s) => s.replace(/^(?=\S)/gm, '👉'),
  'rich-text markup (a paragraph per line)': (s) => s.split('\n').map((line) => `<p>${line}</p>`).join(''),
};

const FIXTURES = join(import.meta.dirname, '../eval/fixtures');
/** Every 25th labelled ad of every corpus (about 1,800 ads). */
const SAMPLE = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl') && !f.startsWith('real-ads-'))
  .sort()
  .flatMap((f) => readFileSync(join(FIXTURES, f), 'utf8').split('\n').filter(Boolean))
  .filter((_, i) => i % 25 === 0)
  .map((line) => JSON.parse(line) as { id: string; title?: string; text: string });

const summary = (v: Verdict) => `${v.decision}: ${[...new Set(v.findings.map((f) => f.category))].sort().join(', ')}`;

describe('an ad in another surface form keeps its verdict', () => {
  it('samples enough ads to mean something', () => expect(SAMPLE.length).toBeGreaterThan(1000));

  for (const [surface, rewrite] of Object.entries(SURFACES)) {
    it(surface, () => {
      const changed: string[] = [];
      for (const ad of SAMPLE) {
        const before = summary(engine.check({ title: ad.title ?? '', description: ad.text }));
        const after = summary(engine.check({ title: rewrite(ad.title ?? ''), description: rewrite(ad.text) }));
        if (after !== before) changed.push(`${ad.id}: ${before} → ${after}`);
      }
      expect(changed).toEqual([]);
    });
  }
});
