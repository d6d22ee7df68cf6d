/** The labeled corpus format (../shared/corpus/*.jsonl): one ad per line with evidence spans per category. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, DECISIONS } from '../core/categories.js';

export const CorpusAdSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  labels: z.array(z.object({ category: z.enum(CATEGORIES), evidence: z.string() })),
  decision: z.enum(DECISIONS),
  note: z.string().optional(),
});
export type CorpusAd = z.infer<typeof CorpusAdSchema>;

export function readCorpus(path: string): CorpusAd[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return CorpusAdSchema.parse(JSON.parse(line));
      } catch (err) {
        throw new Error(`${path}:${i + 1}: ${(err as Error).message}`);
      }
    });
}
