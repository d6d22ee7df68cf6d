/**
 * Builds the nodejieba addon that ships to Lambda: compiled from the installed package's sources with
 * libstdc++ linked statically and only Node-API's entry points exported, so the binary depends on glibc
 * alone (≤ 2.34, see native-versions.ts) and not on the host's libstdc++ (GCC 12 here, GCC 11 in Lambda).
 *
 * The build takes ~15 s, so its result is cached in dist/native/ and redone only when an input changes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_BUILD_DIR } from './paths.js';

const NATIVE_SRC = fileURLToPath(new URL('./native/', import.meta.url));
const COMPAT_SOURCE = join(NATIVE_SRC, 'glibc-compat.c');
const EXPORTS_MAP = join(NATIVE_SRC, 'exports.map');

/** The installed nodejieba package, whose sources and dictionaries the build copies. */
export const NODEJIEBA_PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('nodejieba/package.json'));

export const addonBinary = (packageDir: string): string => join(packageDir, 'build/Release/nodejieba.node');

function compileEnv(objectFile: string): Record<string, string> {
  return {
    // Hidden visibility keeps the STL template instances of nodejieba's own code inside the addon too.
    CXXFLAGS: '-fvisibility=hidden -fvisibility-inlines-hidden',
    LDFLAGS: [
      '-static-libstdc++',
      // libstdc++.a's symbols must not be exported, or the process could bind them to Node's own copy.
      '-Wl,--exclude-libs,ALL',
      `-Wl,--version-script=${EXPORTS_MAP}`,
      objectFile,
    ].join(' '),
  };
}

function buildKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(NODEJIEBA_PACKAGE_DIR, 'package.json')));
  hash.update(readFileSync(COMPAT_SOURCE));
  hash.update(readFileSync(EXPORTS_MAP));
  hash.update(JSON.stringify(compileEnv('compat.o')));
  return hash.digest('hex');
}

/** node-gyp as npm ships it: npm sets npm_config_node_gyp in scripts; otherwise it sits beside node. */
function nodeGypScript(): string {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('node-gyp not found (it ships with npm): run the build through `npm run build:lambda`');
  return found;
}

/** Node's own headers when installed beside the binary (no download needed; Node-API is the same on 22). */
function nodedirArgs(): string[] {
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include/node/node_api.h')) ? [`--nodedir=${prefix}`] : [];
}

/** Returns the package directory holding the Lambda-ready build (package.json, index.js, build/, dicts). */
export function buildNativeAddon(log: (line: string) => void = () => {}): string {
  const dir = NATIVE_BUILD_DIR;
  const keyFile = join(dir, '.build-key');
  const key = buildKey();
  if (existsSync(addonBinary(dir)) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return dir;

  log('compiling nodejieba with static libstdc++ …');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(NODEJIEBA_PACKAGE_DIR, dir, {
    recursive: true,
    filter: (src) => !src.startsWith(join(NODEJIEBA_PACKAGE_DIR, 'build')),
  });
  const objectFile = join(dir, 'glibc-compat.o');
  execFileSync('cc', ['-c', '-fPIC', '-O2', '-o', objectFile, COMPAT_SOURCE], { stdio: 'inherit' });
  execFileSync(process.execPath, [nodeGypScript(), 'rebuild', ...nodedirArgs()], {
    cwd: dir,
    env: { ...process.env, ...compileEnv(objectFile) },
    // node-gyp's progress goes to stderr; keep stdout clean for callers that print reports.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(keyFile, key);
  return dir;
}
