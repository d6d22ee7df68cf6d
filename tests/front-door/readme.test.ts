/**
 * The README as a newcomer uses it: short, with the two commands, PORT and the demo keys; its links lead
 * somewhere; its curl walk-through runs as written (bash, curl and jq) against the real service on
 * DynamoDB Local; and the sample fair.csv shows every exhibitor outcome.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../functions/engine.js';
import { prescreen } from '../../functions/prescreen/prescreen.js';
import { startServiceServer, type ServiceServer } from '../http/service-server.js';

const repo = join(import.meta.dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const execFileAsync = promisify(execFile);
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

describe('README', () => {
  it('is at most 250 lines and starts with the two commands, PORT and the demo keys', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Port and demo keys'));
    expect(quickStart).toMatch(/```sh\nnpm start .*\nnpm test .*\n```/);
    expect(readme).toContain('PORT=8080 npm start');
    expect(readme).toContain('.data/demo-keys.json');
    expect(readme).toContain("echo '限 男 性，需交押金200元' | npx hirecheck check -");
  });

  it('links only to files that exist, and to every document in docs/', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    for (const link of links) expect(existsSync(join(repo, link)), link).toBe(true);
    for (const doc of ['api', 'console', 'prescreen', 'engine-and-lexicons', 'deploying', 'measured', 'detection', 'model', 'appeals-and-feedback']) {
      expect(links).toContain(`docs/${doc}.md`);
    }
  });
});

describe.skipIf(!has('curl') || !has('jq') || !has('bash'))('the README walk-through', () => {
  let server: ServiceServer;
  beforeAll(async () => {
    getEngine();
    server = await startServiceServer();
  }, 60_000);
  afterAll(() => server?.close());

  it('runs as written: submit, read, revise, queue, decide, prescreen', async () => {
    const walk = readme.slice(readme.indexOf('## A walk through the API'), readme.indexOf('## Where everything else is'));
    // The server-less prescreen (npx) is the CLI's, tested in tests/cli; the first block's keys are the demo file's.
    const [setup, ...steps] = [...walk.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => !b.startsWith('npx'));
    expect(setup).toContain('BASE=http://127.0.0.1:3000');
    const { employer, moderator, organizer } = server.keys;
    const script = ['set -euo pipefail', `BASE=${server.url}`, `EMPLOYER=${employer} MODERATOR=${moderator} ORGANIZER=${organizer}`, ...steps].join('\n');
    const cwd = mkdtempSync(join(tmpdir(), 'hirecheck-readme-'));
    symlinkSync(join(repo, 'docs'), join(cwd, 'docs'));
    // Asynchronously: the server answers from this same process.
    const run = await execFileAsync('bash', ['-c', script], { cwd, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/"status": "pending_review",\s+"version": 1,\s+"decision": "review"/);
    expect(run.stdout).toMatch(/"status": "approved",\s+"version": 2/);
    expect(run.stdout).toMatch(/"status": "rejected",\s+"review": \{\s+"decision": "reject"/);
    expect(run.stdout).toContain('{"company":"杭州速达人力资源有限公司","outcome":"refuse"}');
    expect(readFileSync(join(cwd, 'report.html'), 'utf8')).toContain('2026 春季校园双选会 · 招聘信息预审结果');
  }, 90_000);
});

describe('docs/examples/fair.csv', () => {
  it('has exhibitors of every outcome, a code Excel mangled, a duplicate and an unreadable row', async () => {
    const result = await prescreen({ name: 'fair.csv', path: join(repo, 'docs/examples/fair.csv') });
    expect(new Set(result.exhibitors.map((x) => x.outcome))).toEqual(new Set(['pass', 'fix', 'refuse']));
    const problems = result.exhibitors.flatMap((x) => x.problems);
    expect(problems.some((p) => p.kind === 'code_invalid' && p.excel)).toBe(true);
    expect(problems.some((p) => p.kind === 'duplicate_post')).toBe(true);
    expect(result.errors).toHaveLength(1);
  }, 60_000);
});
