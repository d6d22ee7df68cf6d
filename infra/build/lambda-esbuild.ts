/**
 * The esbuild settings of the Lambda bundle, as plain data: `npm run build:lambda` (bundle.ts) passes
 * them to esbuild's API and the CDK stack passes the same values to NodejsFunction, so the bundle the
 * tests invoke is built the way the deployed one is.
 */
import type { BuildOptions } from 'esbuild';

export const LAMBDA_ESBUILD = {
  /** Lambda's nodejs22.x; the code itself still runs on Node 20 locally. */
  target: 'node22',
  /** ESM: the engine and the jieba adapter locate files through import.meta.url. */
  format: 'esm',
  minify: true,
  /** Error names and stack frames stay readable in the logs without shipping source maps. */
  keepNames: true,
  /** Prefer packages' ESM builds (the AWS SDK's are smaller once tree-shaken). */
  mainFields: ['module', 'main'],
  /** Native addon: shipped as files next to the bundle (runtime-files.ts), loaded with require at run time. */
  external: ['nodejieba'],
  /** Some CommonJS dependencies call require() for Node built-ins, which an ESM bundle lacks. */
  banner: "import { createRequire as __hcRequire } from 'node:module'; const require = __hcRequire(import.meta.url);",
  /** The handler's file name inside the asset (`index.handler`). */
  outfile: 'index.mjs',
} as const;

export function esbuildOptions(entry: string, outDir: string): BuildOptions {
  const { target, format, minify, keepNames, mainFields, external, banner, outfile } = LAMBDA_ESBUILD;
  return {
    entryPoints: [entry],
    outfile: `${outDir}/${outfile}`,
    bundle: true,
    platform: 'node',
    target,
    format,
    minify,
    keepNames,
    mainFields: [...mainFields],
    external: [...external],
    banner: { js: banner },
    metafile: true,
    logLevel: 'warning',
  };
}
