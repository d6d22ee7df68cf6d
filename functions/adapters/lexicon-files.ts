/**
 * Reads the lexicon directory: every YAML file, or the JSON snapshot a bundle carries when it was made
 * from exactly these files (parsing YAML is most of a cold start).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, isVocabularyFile, parseLexicon, SNAPSHOT_FILE, SnapshotSchema, validate, type Lexicon } from '../core/lexicon/load.js';

export function loadLexiconDir(dir: string): Lexicon {
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || (isVocabularyFile(n) && n.endsWith('.json')));
  const sources = names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
  const snapshotPath = join(dir, SNAPSHOT_FILE);
  if (existsSync(snapshotPath)) {
    const snapshot = validate(SnapshotSchema, SNAPSHOT_FILE, JSON.parse(readFileSync(snapshotPath, 'utf8')));
    // Only a snapshot of exactly these YAML files is used: an edited lexicon is never shadowed.
    if (snapshot.version.endsWith(`+${contentHash(sources)}`)) return snapshot;
  }
  return parseLexicon(sources);
}
