import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelFile, MODEL_FILE } from '../../functions/adapters/model-file.js';
import { defaultLexiconDir } from '../../functions/engine.js';
import { engine } from '../core/engine-fixture.js';

describe('the committed model file', () => {
  const dir = defaultLexiconDir();

  it('is at most 5 MB, valid, and names what it was trained on', () => {
    expect(statSync(join(dir, MODEL_FILE)).size).toBeLessThanOrEqual(5 * 1024 * 1024);
    const model = loadModelFile(dir)!;
    expect(model.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(model.file.trainedOn.map((t) => t.corpus)).toEqual(expect.arrayContaining(['dev.jsonl', 'phrasings.jsonl']));
    expect(model.file.categories.length).toBeGreaterThan(0);
  });

  it('is what the engine uses, named in every verdict', () => {
    expect(engine.check({ description: '招聘仓库管理员' }).lexiconVersion).toContain(`.model-${loadModelFile(dir)!.hash}`);
  });
});
