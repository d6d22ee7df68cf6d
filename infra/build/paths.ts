/** Where the Lambda build reads from and writes to; every path is absolute, anchored at the repository root. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Lambda entries (the only files of functions/ that infra/ names): the API, and the re-check worker. */
export const API_ENTRY = join(REPO_ROOT, 'functions/handlers/api.ts');
export const RECHECK_ENTRY = join(REPO_ROOT, 'functions/handlers/recheck-worker.ts');

export const LEXICON_DIR = join(REPO_ROOT, 'lexicons');

/** Writes the parsed lexicons as JSON (a cold start then skips YAML parsing): run, not imported. */
export const LEXICON_SNAPSHOT_CLI = join(REPO_ROOT, 'functions/cli/lexicon-snapshot.ts');

/** The trimmed jieba dictionary; the tokenizer looks for it in `jieba/` beside its own (bundled) file. */
export const JIEBA_DICT_DIR = join(REPO_ROOT, 'functions/adapters/jieba');

/** `npm run build:lambda` output: the same layout the CDK asset has (index.mjs, lexicons/, node_modules/nodejieba/). */
export const LAMBDA_DIST = join(REPO_ROOT, 'dist/lambda');

/** Cache of the statically-linked nodejieba build (rebuilt only when its inputs change). */
export const NATIVE_BUILD_DIR = join(REPO_ROOT, 'dist/native/nodejieba');

/** The addon inside a bundle directory, where nodejieba's index.js requires it. */
export const bundledAddonPath = (bundleDir: string): string =>
  join(bundleDir, 'node_modules/nodejieba/build/Release/nodejieba.node');
