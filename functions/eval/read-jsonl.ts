/** A JSON Lines file validated line by line: a bad line names its file and line number. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export function readJsonl<S extends z.ZodTypeAny>(path: string, schema: S): z.output<S>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return schema.parse(JSON.parse(line)) as z.output<S>;
      } catch (err) {
        throw new Error(`${path}:${i + 1}: ${(err as Error).message}`);
      }
    });
}
