/**
 * Builds the nodejieba addon that ships to Lambda: compiled from the installed package's sources with
 * libstdc++ linked statically and only Node-API's entry points exported, so the binary depends on glibc
 * alone (≤ 2.34, see native-versions.ts) and not on the host's libstdc++ (GCC 12 here, GCC 11 in Lambda).
 *
 * The build takes ~15 s, so its result is cached in dist/native/ and redone only when an input changes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
      // No symbol table in the shipped binary (a third smaller; nothing reads it).
      '-s',
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

const KEY_FILE = '.build-key';

const isCurrent = (dir: string, key: string): boolean =>
  existsSync(addonBinary(dir)) && existsSync(join(dir, KEY_FILE)) && readFileSync(join(dir, KEY_FILE), 'utf8') === key;

/** Runs a build step quietly; on failure the error carries the step's output. */
function run(file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  try {
    execFileSync(file, args, { ...options, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/**
 * Returns the package directory holding the Lambda-ready build (package.json, index.js, build/, dicts).
 * Several processes may ask at once (test files run in parallel, CDK's bundling hook): each compiles in
 * its own directory and moves it into place with one rename, so nobody ever reads a half-built copy.
 */
export function buildNativeAddon(log: (line: string) => void = () => {}): string {
  const dir = NATIVE_BUILD_DIR;
  const key = buildKey();
  if (isCurrent(dir, key)) return dir;

  log('compiling nodejieba with static libstdc++ …');
  const work = `${dir}.${process.pid}.${Date.now()}`;
  try {
    mkdirSync(work, { recursive: true });
    cpSync(NODEJIEBA_PACKAGE_DIR, work, {
      recursive: true,
      filter: (src) => !src.startsWith(join(NODEJIEBA_PACKAGE_DIR, 'build')),
    });
    const objectFile = join(work, 'glibc-compat.o');
    run('cc', ['-c', '-fPIC', '-O2', '-o', objectFile, COMPAT_SOURCE]);
    run(process.execPath, [nodeGypScript(), 'rebuild', ...nodedirArgs()], { cwd: work, env: { ...process.env, ...compileEnv(objectFile) } });
    writeFileSync(join(work, KEY_FILE), key);
    if (isCurrent(dir, key)) return dir; // another process finished first
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(work, dir);
    } catch (err) {
      if (!isCurrent(dir, key)) throw err; // lost a race to an identical build: use that one
    }
    return dir;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
