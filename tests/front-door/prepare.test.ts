/**
 * `npm start` and `npm test` install what is missing first (.ci/prepare.mjs as prestart/pretest): the
 * script runs in a scratch copy of the repo layout, with `npm` and the browser installer replaced by
 * scripts that only record their call, so the test needs no network and installs nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');

function scratch(withNodeModules: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'hirecheck-prepare-'));
  const log = join(dir, 'calls.log');
  mkdirSync(join(dir, '.ci'));
  mkdirSync(join(dir, 'fake-bin'));
  copyFileSync(join(repo, '.ci/prepare.mjs'), join(dir, '.ci/prepare.mjs'));
  writeFileSync(join(dir, '.ci/install-browser'), `echo install-browser >> '${log}'\n`);
  const npm = join(dir, 'fake-bin/npm');
  writeFileSync(npm, `#!/bin/sh\necho "npm $*" >> '${log}'\nmkdir -p node_modules\n`);
  chmodSync(npm, 0o755);
  if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
  const run = (mode: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(dir, 'fake-bin')}:${process.env.PATH}` };
    delete env.HIRECHECK_CHROMIUM;
    const r = spawnSync(process.execPath, [join(dir, '.ci/prepare.mjs'), mode], { env, encoding: 'utf8' });
    return { code: r.status, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
  };
  return { run };
}

describe('.ci/prepare.mjs', () => {
  it('is what npm start and npm test run first', () => {
    const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(scripts.prestart).toBe('node .ci/prepare.mjs start');
    expect(scripts.pretest).toBe('node .ci/prepare.mjs test');
  });

  it('installs the dependencies when node_modules is absent, and only then', () => {
    const fresh = scratch(false);
    expect(fresh.run('start')).toEqual({ code: 0, calls: ['npm ci'] });
    // The second time everything is there: nothing runs.
    expect(fresh.run('start')).toEqual({ code: 0, calls: ['npm ci'] });
  });

  it.skipIf(!existsSync('/usr/bin/apt-get'))('before the tests, also runs the idempotent browser installer CI uses', () => {
    const fresh = scratch(false);
    expect(fresh.run('test')).toEqual({ code: 0, calls: ['npm ci', 'install-browser'] });
    expect(scratch(true).run('test').calls).toEqual(['install-browser']);
  });

  it('refuses an unknown mode', () => {
    expect(scratch(true).run('deploy').code).toBe(2);
  });
});
