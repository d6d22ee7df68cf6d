/**
 * `npm run check:native [BINARY…]`: reads the GLIBC_/GLIBCXX_/CXXABI_/GCC_ versions each native binary
 * requires and fails when any exceeds what Lambda's Node.js 22 runtime provides. Default: the addon in
 * dist/lambda/ (run `npm run build:lambda` first). `npm run build:lambda` runs the same check itself.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMain } from './is-main.js';
import { findIncompatibilities, highestVersions, LAMBDA_AL2023_X86_64, readRequirements } from './native-versions.js';
import { bundledAddonPath, LAMBDA_DIST } from './paths.js';

export function checkNative(binaries: string[]): number {
  let failed = 0;
  for (const binary of binaries) {
    if (!existsSync(binary)) {
      process.stderr.write(`✗ ${binary}: not found (run npm run build:lambda first)\n`);
      failed++;
      continue;
    }
    const req = readRequirements(binary);
    const problems = findIncompatibilities(req);
    const top = Object.entries(highestVersions(req)).map(([family, v]) => `${family}_${v}`).join(', ');
    if (problems.length === 0) {
      process.stdout.write(`✓ ${binary}\n  loads on ${LAMBDA_AL2023_X86_64.name}: needs at most ${top}; libraries ${req.libraries.join(', ')}\n`);
    } else {
      process.stderr.write(`✗ ${binary} would not load on ${LAMBDA_AL2023_X86_64.name}:\n  - ${problems.join('\n  - ')}\n`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  process.exitCode = checkNative(args.length > 0 ? args.map((a) => resolve(a)) : [bundledAddonPath(LAMBDA_DIST)]);
}
