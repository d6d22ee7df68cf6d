/** The labelled data the clause model learns from: every labelled corpus in the repository. */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface NamedFile {
  name: string;
  path: string;
  /** Scored in the leave-one-corpus-out run (the phrasing fixtures are fragments, not ads). */
  scored: boolean;
}

/** dev, the team-written and blind corpora, the phrasing fixtures; not the real-ad reviews (they judge findings, they label no ads). */
export function trainingFiles(lexiconDir: string): NamedFile[] {
  const repo = resolve(lexiconDir, '..');
  const fixtures = join(repo, 'tests/eval/fixtures');
  const corpora = readdirSync(fixtures)
    .filter((f) => f.endsWith('.jsonl') && !f.startsWith('real-ads-'))
    .sort()
    .map((f) => join(fixtures, f));
  return [
    { name: 'dev.jsonl', path: resolve(repo, '../shared/corpus/dev.jsonl'), scored: true },
    ...corpora.map((path) => ({ name: basename(path), path, scored: true })),
    { name: 'phrasings.jsonl', path: join(repo, 'tests/core/fixtures/phrasings.jsonl'), scored: false },
  ];
}
