/** Reads the learned model (lexicons/model.json) when there is one; its content hash names it in every verdict. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelFileSchema, type ModelFile } from '../core/model/clause-model.js';

export const MODEL_FILE = 'model.json';

export function loadModelFile(lexiconDir: string): { file: ModelFile; hash: string } | undefined {
  const path = join(lexiconDir, MODEL_FILE);
  if (!existsSync(path)) return undefined;
  const content = readFileSync(path, 'utf8');
  const parsed = ModelFileSchema.safeParse(JSON.parse(content));
  if (!parsed.success) throw new Error(`${path}: not a hirecheck clause model: ${parsed.error.issues[0]?.message}`);
  return { file: parsed.data, hash: createHash('sha256').update(content).digest('hex').slice(0, 12) };
}
