import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLexiconDir } from '../../functions/core/engine.js';
import { readCorpus } from '../../functions/eval/corpus.js';
import { score } from '../../functions/eval/score.js';
import { engine } from '../core/engine-fixture.js';

// The labeled dev corpus lives beside the repository (../shared); the goals are those of the engine issue.
const corpusPath = resolve(defaultLexiconDir(), '../../shared/corpus/dev.jsonl');

describe.skipIf(!existsSync(corpusPath))('quality on the dev corpus', () => {
  const result = score(readCorpus(corpusPath), (ad) => {
    const v = engine.check({ title: ad.title, description: ad.text });
    return { decision: v.decision, findings: v.findings.filter((f) => f.field === 'description') };
  });

  it.each(result.categories.map((c) => [c.category, c] as const))('%s: precision and recall ≥ 0.95', (_, c) => {
    expect(c.precision).toBeGreaterThanOrEqual(0.95);
    expect(c.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('decides at least 95% of the ads as labeled and finds nothing on clean ads', () => {
    expect(result.decisionAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.cleanWithFindings).toEqual([]);
  });
});
