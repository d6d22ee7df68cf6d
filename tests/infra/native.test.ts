/**
 * The native-addon gate: real binaries compiled here with `cc`, read with readelf. One that needs a glibc
 * newer than Lambda's (arc4random, glibc 2.36) must fail the check; the addon the build ships must pass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addonBinary, buildNativeAddon } from '../../infra/build/native-addon.js';
import { findIncompatibilities, parseReadelf, readRequirements } from '../../infra/build/native-versions.js';
import { REPO_ROOT } from '../../infra/build/paths.js';

let dir: string;
let newGlibc: string;
let plain: string;

function compileSharedObject(name: string, source: string): string {
  const src = join(dir, `${name}.c`);
  const out = join(dir, `${name}.so`);
  writeFileSync(src, source);
  execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', out, src]);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hirecheck-native-'));
  newGlibc = compileSharedObject('new-glibc', '#include <stdlib.h>\nunsigned int pick(void) { return arc4random(); }\n');
  plain = compileSharedObject('plain', '#include <string.h>\nsize_t len(const char *s) { return strlen(s); }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const checkCli = (binary: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'infra/build/check-native.ts'), binary], { encoding: 'utf8', cwd: REPO_ROOT });

describe('native symbol-version check', () => {
  it('reads the versions a binary needs, per library', () => {
    const req = readRequirements(newGlibc);
    expect(req.machine).toBe('Advanced Micro Devices X86-64');
    expect(req.libraries).toContain('libc.so.6');
    expect(req.versions).toContainEqual({ library: 'libc.so.6', version: 'GLIBC_2.36' });
  });

  it('rejects a binary that needs glibc 2.36, with the symbol version in the message', () => {
    expect(findIncompatibilities(readRequirements(newGlibc))).toEqual([
      'needs GLIBC_2.36 from libc.so.6; the runtime has at most GLIBC_2.34',
    ]);
    const cli = checkCli(newGlibc);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/would not load on Lambda nodejs22\.x .*\n.*GLIBC_2\.36/);
  });

  it('accepts a binary that needs only old glibc symbols', () => {
    expect(findIncompatibilities(readRequirements(plain))).toEqual([]);
    expect(checkCli(plain).status).toBe(0);
  });

  it('flags libstdc++ and libraries beyond the runtime', () => {
    const req = parseReadelf(`
  Machine:                           Advanced Micro Devices X86-64
 0x0000000000000001 (NEEDED)             Shared library: [libstdc++.so.6]
 0x0000000000000001 (NEEDED)             Shared library: [libicu.so.72]
Version needs section '.gnu.version_r' contains 1 entry:
  000000: Version: 1  File: libstdc++.so.6  Cnt: 2
  0x0010:   Name: GLIBCXX_3.4.30  Flags: none  Version: 3
  0x0020:   Name: CXXABI_1.3.13  Flags: none  Version: 2
`);
    expect(findIncompatibilities(req)).toEqual([
      'needs libicu.so.72, which the runtime does not provide',
      'needs GLIBCXX_3.4.30 from libstdc++.so.6; the runtime has at most GLIBCXX_3.4.29',
    ]);
  });

  it('passes the nodejieba addon the Lambda build ships (static libstdc++, glibc ≤ 2.34)', () => {
    const req = readRequirements(addonBinary(buildNativeAddon()));
    expect(findIncompatibilities(req)).toEqual([]);
    expect(req.libraries).not.toContain('libstdc++.so.6');
  }, 180_000);
});
