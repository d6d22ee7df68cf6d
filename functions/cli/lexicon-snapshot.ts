/**
 * `tsx functions/cli/lexicon-snapshot.ts OUT_FILE`: writes the parsed lexicons as JSON (see SNAPSHOT_FILE
 * in functions/core/lexicon/load.ts). Deployment bundles ship it so a cold start skips YAML parsing and
 * deriving the regexes' triggers.
 */
import { writeFileSync } from 'node:fs';
import { defaultLexiconDir } from '../engine.js';
import { snapshotLexicon } from '../core/lexicon/load.js';
import { compileLexicon } from '../core/lexicon/compile.js';
import { loadLexiconDir } from '../adapters/lexicon-files.js';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: tsx functions/cli/lexicon-snapshot.ts OUT_FILE\n');
  process.exit(3);
}
const lexicon = loadLexiconDir(defaultLexiconDir());
// The regexes' triggers too: deriving them is a tenth of a cold start.
writeFileSync(out, snapshotLexicon({ ...lexicon, regexTriggers: compileLexicon(lexicon).regexTriggers }));
console.log(`wrote lexicon ${lexicon.version} to ${out}`);
