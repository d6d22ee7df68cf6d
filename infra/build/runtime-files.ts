/**
 * The files a Lambda bundle needs beside its JavaScript: the lexicons and the nodejieba package (kept
 * out of esbuild because it is a native addon that finds its binary and dictionaries relative to its own
 * directory). Used by `npm run build:lambda` and, as an afterBundling hook, by the CDK NodejsFunction, so
 * the tested bundle and the deployed asset have the same layout:
 *
 *   index.mjs                       the esbuild output
 *   lexicons/lexicon.snapshot.json  the lexicons pre-parsed, in place of their YAML (found by the engine's walk up)
 *   lexicons/model.json             the learned clause model
 *   jieba/                          the trimmed dictionary, found by the tokenizer beside index.mjs
 *   node_modules/nodejieba/         package.json, index.js, build/Release/nodejieba.node, the HMM model and user dict
 *   node-flags.sh                   the exec wrapper that gives Node its command-line V8 flags (functions/node-flags.ts)
 *
 * Run directly: `tsx infra/build/runtime-files.ts OUT_DIR`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addonBinary, buildNativeAddon } from './native-addon.js';
import { MODEL_FILE } from '../../functions/adapters/model-file.js';
import { EXEC_WRAPPER_FILE, EXEC_WRAPPER_SCRIPT } from '../../functions/node-flags.js';
import { isMain } from './is-main.js';
import { assertLoadsOn } from './native-versions.js';
import { bundledAddonPath, JIEBA_DICT_DIR, LEXICON_DIR, LEXICON_SNAPSHOT_CLI } from './paths.js';

/**
 * What nodejieba's index.js touches at run time: itself, its binary, and the default dictionaries that
 * the tokenizer does not replace (it passes its own main dictionary, idf and stop words to `load()`).
 */
const NODEJIEBA_RUNTIME_FILES = [
  'package.json',
  'index.js',
  'LICENSE',
  'submodules/cppjieba/dict/hmm_model.utf8',
  'submodules/cppjieba/dict/user.dict.utf8',
];

function copyFiles(fromDir: string, toDir: string, keep: (name: string) => boolean): void {
  mkdirSync(toDir, { recursive: true });
  for (const name of readdirSync(fromDir).filter(keep)) cpSync(join(fromDir, name), join(toDir, name));
}

export function installRuntimeFiles(outDir: string, log: (line: string) => void = () => {}): void {
  // the snapshot alone stands for the YAML: a cold start neither parses nor reads it
  copyFiles(LEXICON_DIR, join(outDir, 'lexicons'), (f) => f === MODEL_FILE);
  execFileSync(process.execPath, ['--import', 'tsx', LEXICON_SNAPSHOT_CLI, join(outDir, 'lexicons', 'lexicon.snapshot.json')], { stdio: 'ignore' });
  copyFiles(JIEBA_DICT_DIR, join(outDir, 'jieba'), (f) => f.endsWith('.utf8'));

  const packageDir = buildNativeAddon(log);
  const jiebaOut = join(outDir, 'node_modules/nodejieba');
  for (const file of NODEJIEBA_RUNTIME_FILES) cpSync(join(packageDir, file), join(jiebaOut, file));
  cpSync(addonBinary(packageDir), bundledAddonPath(outDir));
  // The gate: a bundle whose addon would not load in Lambda is never produced.
  assertLoadsOn(bundledAddonPath(outDir));
  writeFileSync(join(outDir, EXEC_WRAPPER_FILE), EXEC_WRAPPER_SCRIPT);
  chmodSync(join(outDir, EXEC_WRAPPER_FILE), 0o755);
}

if (isMain(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    process.stderr.write('usage: tsx infra/build/runtime-files.ts OUT_DIR\n');
    process.exit(2);
  }
  installRuntimeFiles(resolve(outDir), (line) => process.stderr.write(`${line}\n`));
}
