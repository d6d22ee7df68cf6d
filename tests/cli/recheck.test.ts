/**
 * `hirecheck recheck` and `hirecheck lexicon proposals` as a person runs them: the real command in its own
 * process, on a table of the run's DynamoDB Local (HIRECHECK_DYNAMODB_ENDPOINT), with new rules
 * (HIRECHECK_LEXICON_DIR) for the re-check.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { StoredAd as Ad } from '../../functions/core/ad.js';
import { getEngine } from '../../functions/engine.js';
import type { Principal, Store } from '../../functions/store/index.js';
import { newRulesDir } from '../recheck/new-rules.js';
import { freshStore } from '../store/table.js';

const bin = join(import.meta.dirname, '../../bin/hirecheck.js');
let store: Store;
let employer: Principal;
let rules: string;

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, HIRECHECK_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), HIRECHECK_TABLE: store.table.name, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const ads: Ad[] = [
  { title: '销售代表', description: '负责华东区客户开发与维护，本科及以上学历，男女不限。' },
  { title: '仓库管理员', description: '负责仓库管理，限男性。' },
  { title: '前台', description: '身高160以上，形象气质佳。' },
];

beforeAll(async () => {
  store = await freshStore('cli-recheck');
  employer = await store.keys.create({ role: 'employer', tenant: 'acme' });
  for (const ad of ads) await store.ads.create({ actor: employer, ad, verdict: getEngine().check(ad) });
  rules = newRulesDir();
}, 60_000);

describe('hirecheck recheck', { timeout: 120_000 }, () => {
  it('reports what a dry run would do, writes nothing, then re-checks for real', async () => {
    const dry = await run(['recheck', '--dry-run', '--json'], { HIRECHECK_LEXICON_DIR: rules });
    expect(dry.code, dry.stderr).toBe(0);
    const planned = JSON.parse(dry.stdout);
    expect(planned).toMatchObject({ dryRun: true, scanned: 3, changed: 2, toReview: 2, confirmed: 1, kept: 0, conflicts: 0 });
    expect(planned.lexiconVersion).not.toBe(getEngine().info().version);
    expect((await store.ads.list({ tenant: 'acme', limit: 10 })).items.every((a) => a.version === 1)).toBe(true);

    const real = await run(['recheck'], { HIRECHECK_LEXICON_DIR: rules });
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('3 ads checked with other rules');
    expect(real.stdout).toContain('2 given a new verdict, 2 of them sent to the review queue');
    // No terminal, no progress bar.
    expect(real.stderr).not.toContain('[#');
    const statuses = (await store.ads.list({ tenant: 'acme', limit: 10 })).items.map((a) => a.status);
    expect(statuses).toEqual(['pending_review', 'pending_review', 'pending_review']);

    const again = await run(['recheck', '--json'], { HIRECHECK_LEXICON_DIR: rules });
    expect(JSON.parse(again.stdout)).toMatchObject({ scanned: 0, changed: 0 });
  });

  it('refuses bad options with exit 2', async () => {
    for (const args of [['recheck', '--segments', '0'], ['recheck', '--nope'], ['lexicon'], ['lexicon', 'apply']]) {
      const res = await run(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain('usage: hirecheck');
    }
  });
});

describe('hirecheck lexicon proposals', { timeout: 120_000 }, () => {
  it('prints the proposals from moderators’ feedback', async () => {
    const moderator = await store.keys.create({ role: 'moderator', tenant: 'platform' });
    const [ad] = (await store.ads.list({ tenant: 'acme', limit: 10 })).items;
    const record = await store.ads.get(ad!.adId, {});
    const f = record.verdict.findings[0]!;
    await store.feedback.record({ adId: ad!.adId, actor: moderator, feedback: { kind: 'false_alarm', version: record.version, ruleId: f.ruleId, field: f.field, start: f.start, end: f.end } });
    const json = await run(['lexicon', 'proposals', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).proposals).toEqual([{ kind: 'exception', ruleId: f.ruleId, category: f.category, text: f.text, count: 1, adIds: [ad!.adId] }]);
    const text = await run(['lexicon', 'proposals']);
    expect(text.stdout).toContain(`exception for ${f.ruleId}`);
    expect(text.stdout).toContain(`「${f.text}」`);
  });
});

describe('the progress bar', { timeout: 120_000 }, () => {
  it.skipIf(!existsSync('/usr/bin/script'))('draws on a terminal', async () => {
    const s = await freshStore('cli-recheck-tty');
    const owner = await s.keys.create({ role: 'employer', tenant: 'acme' });
    for (const ad of ads) await s.ads.create({ actor: owner, ad, verdict: getEngine().check(ad) });
    const env = `HIRECHECK_DYNAMODB_ENDPOINT='${inject('dynamoEndpoint')}' HIRECHECK_TABLE='${s.table.name}' HIRECHECK_LEXICON_DIR='${rules}'`;
    // util-linux `script` runs the command on a pseudo-terminal, as a shell would.
    const r = spawnSync('script', ['-qec', `env ${env} '${process.execPath}' '${bin}' recheck --dry-run`, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/re-check \(dry run\) \[#+\] 100%\s+3\/3 ads, 2 changed/);
    expect(r.stdout).toContain('3 ads checked with other rules');
  });
});
