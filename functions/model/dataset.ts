/**
 * Labelled ads → clause examples for the clause model. An ad is cut into clauses exactly as the engine cuts
 * it (normalised, split by functions/core/analysis/clauses.ts, trimmed like the model's findings); a clause is
 * a positive of a category when it overlaps that category's evidence in the original text.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { analyzeField } from '../core/analysis/field-analysis.js';
import { CATEGORIES, type Category } from '../core/categories.js';
import type { CompiledLexicon } from '../core/lexicon/compile.js';
import { featuresOf } from '../core/model/features.js';
import { trimClause } from '../core/model/second-opinion.js';
import { normalize } from '../core/normalize.js';
import type { Tokenizer } from '../core/tokenizer.js';

export interface LabelledAd {
  id: string;
  title: string;
  text: string;
  labels: { category: Category; evidence: string }[];
}

export interface ClauseExample {
  /** Index of the ad in its data set: folds split by ad, never inside one. */
  ad: number;
  features: Int32Array;
  /** 1 where the clause states a violation of CATEGORIES[i]. */
  labels: Uint8Array;
}

const CorpusLine = z.object({
  id: z.string(),
  title: z.string().default(''),
  text: z.string(),
  labels: z.array(z.object({ category: z.enum(CATEGORIES), evidence: z.string() })),
});
/** tests/core/fixtures/phrasings.jsonl: one short phrasing and the categories it violates. */
const PhrasingLine = z.object({ text: z.string(), categories: z.array(z.enum(CATEGORIES)) });

/**
 * A labelled file: the corpus format (../shared/corpus/dev.jsonl, tests/eval/fixtures/, a feedback export) or
 * the phrasing fixtures, whose whole text is the evidence.
 */
export function readLabelledFile(path: string): LabelledAd[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const json = JSON.parse(line) as unknown;
      const corpus = CorpusLine.safeParse(json);
      if (corpus.success) return corpus.data;
      const phrasing = PhrasingLine.safeParse(json);
      if (phrasing.success) {
        const { text, categories } = phrasing.data;
        return { id: `${path}:${i + 1}`, title: '', text, labels: categories.map((category) => ({ category, evidence: text })) };
      }
      throw new Error(`${path}:${i + 1}: neither a labelled ad nor a phrasing: ${corpus.error.issues[0]?.message}`);
    });
}

/** The clause examples of one ad (title and text). */
export function clauseExamples(ad: LabelledAd, adIndex: number, lexicon: CompiledLexicon, tokenizer: Tokenizer): ClauseExample[] {
  const out: ClauseExample[] = [];
  for (const [field, original] of [['title', ad.title], ['description', ad.text]] as const) {
    if (!original.trim()) continue;
    const evidence = ad.labels.flatMap(({ category, evidence: e }) => {
      const at = original.indexOf(e);
      return at >= 0 && e ? [{ category, start: at, end: at + e.length }] : [];
    });
    const a = analyzeField(field, normalize(original, lexicon.variants), lexicon, tokenizer);
    for (const clause of a.clauses) {
      const [start, end] = trimClause(a.n.text, clause.start, clause.end);
      if (start >= end) continue;
      const from = a.n.starts[start]!;
      const to = a.n.ends[end - 1]!;
      const labels = new Uint8Array(CATEGORIES.length);
      for (const e of evidence) if (e.start < to && from < e.end) labels[CATEGORIES.indexOf(e.category)] = 1;
      out.push({ ad: adIndex, features: featuresOf(a.n.text, start, end, clause.section), labels });
    }
  }
  return out;
}
