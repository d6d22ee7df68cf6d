/** `npm run bench`: the engine benchmark, then the prescreen benchmark (10,000 rows) when it is present. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEngineBench } from '../bench/engine-bench.js';

console.log('== engine ==');
runEngineBench();

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
if (pkg.scripts['bench:prescreen']) {
  console.log('\n== prescreen ==');
  spawnSync('npm', ['run', '--silent', 'bench:prescreen'], { stdio: 'inherit' });
}
