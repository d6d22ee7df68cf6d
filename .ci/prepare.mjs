#!/usr/bin/env node
// Runs before `npm start` and `npm test` (the prestart/pretest scripts): installs what is missing, so the
// two commands are the whole set-up on a fresh clone. Plain Node with no dependencies, since it runs
// before any are installed. Idempotent: with everything in place it only looks and returns.
//   node .ci/prepare.mjs start   dependencies (npm ci) when node_modules is absent
//   node .ci/prepare.mjs test    the same, then Debian's Chromium and a CJK font through .ci/install-browser
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
if (mode !== 'start' && mode !== 'test') {
  console.error('usage: node .ci/prepare.mjs start|test');
  process.exit(2);
}

function run(command, args) {
  console.log(`prepare: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`prepare: "${command} ${args.join(' ')}" failed; fix the above and run the command again`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(join(root, 'node_modules'))) run('npm', ['ci']);

// The console and prescreen browser tests drive Chromium; a browser at HIRECHECK_CHROMIUM needs no install.
const chromium = process.env.HIRECHECK_CHROMIUM ?? '/usr/bin/chromium';
if (mode === 'test' && !(process.env.HIRECHECK_CHROMIUM && existsSync(chromium))) {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    if (!existsSync(chromium)) console.warn(`prepare: no Chromium at ${chromium} and no apt-get to install it: set HIRECHECK_CHROMIUM to a Chromium binary`);
  } else {
    run('bash', [join(root, '.ci', 'install-browser')]);
  }
}
