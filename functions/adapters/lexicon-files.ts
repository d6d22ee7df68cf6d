/**
 * Reads the lexicon directory: every YAML file, or the JSON snapshot a bundle carries in their place (parsing YAML
 * is most of a cold start).
 *
 * A bundle ships the snapshot alone (infra/build/runtime-files.ts), written from YAML that passed the schemas: it is
 * not validated again (that cost a cold start ~50 ms), nor compared with files that are not there (reading and
 * hashing them cost ~20 ms). Beside YAML files, a snapshot is used only while it was made from exactly those files,
 * so an edited lexicon is never shadowed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, isVocabularyFile, parseLexicon, SNAPSHOT_FILE, type Lexicon } from '../core/lexicon/load.js';

export function loadLexiconDir(dir: string): Lexicon {
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || (isVocabularyFile(n) && n.endsWith('.json')));
  const snapshotPath = join(dir, SNAPSHOT_FILE);
  const snapshot = existsSync(snapshotPath) ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as Lexicon) : undefined;
  if (snapshot && !names.length) return snapshot;
  const sources = names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
  if (snapshot && typeof snapshot.version === 'string' && snapshot.version.endsWith(`+${contentHash(sources)}`)) return snapshot;
  return parseLexicon(sources);
}
