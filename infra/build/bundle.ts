/**
 * `npm run build:lambda`: builds the Lambda bundle into dist/lambda/ — esbuild output plus the runtime
 * files (lexicons, the statically-linked nodejieba) — and checks the addon against the Lambda runtime.
 * The built-bundle tests and `npm run bench:cold` run this directory; the CDK asset has the same layout.
 */
import { rmSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { isMain } from './is-main.js';
import { esbuildOptions } from './lambda-esbuild.js';
import { API_ENTRY, LAMBDA_DIST } from './paths.js';
import { installRuntimeFiles } from './runtime-files.js';

export interface BundleReport {
  outDir: string;
  /** Bytes of index.mjs alone. */
  scriptBytes: number;
  /** Bytes of the whole directory (what is zipped into the asset, before compression). */
  totalBytes: number;
}

export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Builds the bundle of `entry` (default: the API) into `outDir`. */
export async function buildLambdaBundle(outDir: string = LAMBDA_DIST, log: (line: string) => void = () => {}, entry: string = API_ENTRY): Promise<BundleReport> {
  rmSync(outDir, { recursive: true, force: true });
  await build(esbuildOptions(entry, outDir));
  installRuntimeFiles(outDir, log);
  return { outDir, scriptBytes: statSync(join(outDir, 'index.mjs')).size, totalBytes: directoryBytes(outDir) };
}

if (isMain(import.meta.url)) {
  const report = await buildLambdaBundle(resolve(process.argv[2] ?? LAMBDA_DIST), (line) => process.stderr.write(`${line}\n`));
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(`built ${report.outDir}: index.mjs ${mb(report.scriptBytes)}, total ${mb(report.totalBytes)}\n`);
}
