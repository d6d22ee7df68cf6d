/**
 * Reads the lexicon directory: every YAML file, or the JSON snapshot a bundle carries when it was made
 * from exactly these files (parsing YAML is most of a cold start).
 *
 * The snapshot is not validated again: functions/cli/lexicon-snapshot.ts writes it from YAML that passed the
 * schemas, and its version names the hash of exactly those files (validating 1.7 MB once more cost a cold
 * start ~50 ms).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, isVocabularyFile, parseLexicon, SNAPSHOT_FILE, type Lexicon } from '../core/lexicon/load.js';

export function loadLexiconDir(dir: string): Lexicon {
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || (isVocabularyFile(n) && n.endsWith('.json')));
  const sources = names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
  const snapshotPath = join(dir, SNAPSHOT_FILE);
  if (existsSync(snapshotPath)) {
    const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Lexicon;
    // Only a snapshot of exactly these YAML files is used: an edited lexicon is never shadowed.
    if (typeof snapshot.version === 'string' && snapshot.version.endsWith(`+${contentHash(sources)}`)) return snapshot;
  }
  return parseLexicon(sources);
}
