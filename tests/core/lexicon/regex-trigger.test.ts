import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeField } from '../../../functions/core/analysis/field-analysis.js';
import type { Matcher, RegexMatcher } from '../../../functions/core/lexicon/compile.js';
import { regexTrigger } from '../../../functions/core/lexicon/regex-trigger.js';
import { compileLexicon } from '../../../functions/core/lexicon/compile.js';
import { loadLexiconDir } from '../../../functions/adapters/lexicon-files.js';
import { matchRule, openMatchers } from '../../../functions/core/match.js';
import { normalize } from '../../../functions/core/normalize.js';
import { createJiebaTokenizer } from '../../../functions/adapters/jieba-tokenizer.js';
import { defaultLexiconDir } from '../../../functions/engine.js';
import { engine } from '../engine-fixture.js';

const sorted = (words: string[] | undefined) => [...(words ?? [])].sort();

describe('regex triggers', () => {
  it('finds the words every match starts with', () => {
    const t = regexTrigger('(?<!不)(?:先交|需交)\\s*\\d+元');
    expect(t?.atStart).toBe(true);
    expect(sorted(t?.words)).toEqual(['先交', '需交']);
    expect(sorted(regexTrigger('(?:限|只招)[男女](?:性)?')?.words)).toEqual(['只招女', '只招男', '限女', '限男']);
  });

  it('tries a regex at its first words when they are single characters and the words further in are too', () => {
    // every match starts with 限, 仅 or 只招, and holds 男 or 女: trying it at those words beats running it everywhere
    const t = regexTrigger('(?:限|仅|只招)\\s*(?:本地)?(?:男|女)(?!装)');
    expect(t?.atStart).toBe(true);
    expect(sorted(t?.words)).toEqual(['仅', '只招', '限']);
  });

  it('falls back to words every match holds, further in', () => {
    const t = regexTrigger('\\d+(?:\\.\\d+)?\\s*(?:元的|块的)(?:培训费|押金)');
    expect(t?.atStart).toBe(false);
    expect(sorted(t?.words)).toEqual(sorted(['元的培训费', '元的押金', '块的培训费', '块的押金']));
  });

  it('gives no trigger where a match may hold no fixed word', () => {
    expect(regexTrigger('\\d+\\s*[\\u4e00-\\u9fff]{2}')).toBeUndefined();
    expect(regexTrigger('(?:押金)?\\d+')).toBeUndefined();
    expect(regexTrigger('押金|\\d+元')).toBeUndefined();
  });

  it('takes the triggers a snapshot carries instead of deriving them again', () => {
    const derived = engine.lexicon.regexTriggers;
    const [source, trigger] = Object.entries(derived).find(([, t]) => t !== null)!;
    const snapshot = { ...loadLexiconDir(defaultLexiconDir()), regexTriggers: { ...derived, [source]: { ...trigger!, words: ['只在快照里'] } } };
    const compiled = compileLexicon(snapshot);
    expect(compiled.regexTriggers[source]!.words).toEqual(['只在快照里']);
    expect(compileLexicon(loadLexiconDir(defaultLexiconDir())).regexTriggers).toEqual(derived);
  });

  it('finds with triggers exactly what running every lexicon regex over the whole text finds', () => {
    const fixtures = resolve(defaultLexiconDir(), '../tests/eval/fixtures');
    const files = [resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl'), ...readdirSync(fixtures).filter((f) => f.endsWith('.jsonl')).map((f) => resolve(fixtures, f))];
    const texts = files.flatMap((f) =>
      readFileSync(f, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text?: string }).text ?? ''),
    );
    const tokenizer = createJiebaTokenizer(engine.lexicon.words);
    const triggered = engine.lexicon.rules.flatMap((rule) =>
      rule.matchers.filter((m): m is Matcher & RegexMatcher => m.kind === 'regex' && m.trigger !== undefined).map((m) => ({ rule, m })),
    );
    expect(triggered.length).toBeGreaterThan(40);
    let compared = 0;
    // a fixed sample of 8,000 ads spread evenly over every corpus: the triggers' soundness does not need all 80,000 twice,
    // and a sample that grows with the corpora would outgrow the time limit
    const stride = Math.max(1, Math.ceil(texts.length / 8_000));
    for (const text of texts.filter((t, i) => t && i % stride === 0)) {
      const a = analyzeField('description', normalize(text, engine.lexicon.variants), engine.lexicon, tokenizer);
      const open = openMatchers(a, engine.lexicon.gates);
      for (const { rule, m } of triggered) {
        const withTrigger = matchRule(a, { ...rule, matchers: [m] }, open);
        // the same regex tried everywhere: always open (id 0 of a one-flag set)
        const everywhere = matchRule(a, { ...rule, matchers: [{ kind: 'regex', re: m.re, boundary: m.boundary, when: [], id: 0 }] }, Uint8Array.of(1));
        expect(withTrigger.map((h) => [h[0]!.start, h[0]!.end]), `${rule.rule.id} /${m.re.source}/ on ${text}`).toEqual(everywhere.map((h) => [h[0]!.start, h[0]!.end]));
        compared += everywhere.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 90_000); // every regex over 8,000 labelled ads, twice
});
