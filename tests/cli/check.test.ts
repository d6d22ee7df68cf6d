import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/hirecheck.js');
const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('hirecheck check', { timeout: 120_000 }, () => {
  it('prints a readable report with the span highlighted and exits 2 on reject', () => {
    const { code, stdout } = run(['check', '-'], '仓库管理员\n限 男 性，月薪3500\n五险一金');
    expect(code).toBe(2);
    expect(stdout).toContain('驳回 reject');
    expect(stdout).toContain('【限 男 性】，月薪3500');
    expect(stdout).toContain('《中华人民共和国妇女权益保障法》');
    expect(stdout).toContain('建议:');
  });

  it('reads a JSON ad from a file and prints the verdict with --json; exit 1 on review', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hirecheck-')), 'ad.json');
    writeFileSync(file, JSON.stringify({ title: '保洁员', description: '要求：限本地户口，能吃苦' }));
    const { code, stdout } = run(['check', file, '--json']);
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout);
    expect(verdict.decision).toBe('review');
    expect(verdict.findings[0]).toMatchObject({ category: 'region', field: 'description', text: '限本地户口', start: 3, end: 8 });
  });

  it('prints each finding of the README quick-start example once (a single line is the description, not also the title)', () => {
    const { code, stdout } = run(['check', '-'], '限 男 性，需交押金200元\n');
    expect(code).toBe(2);
    // the two problems, and a notice of what the one-line ad lacks
    expect(stdout).toContain('(3 项发现');
    expect(stdout.match(/gender-restriction/g)).toHaveLength(1);
    expect(stdout.match(/fee-charged-to-applicant/g)).toHaveLength(1);
    expect(stdout.match(/incomplete-elements/g)).toHaveLength(1);
    expect(stdout).not.toContain('title:');
  });

  it('exits 0 on a clean ad', () => {
    expect(run(['check', '-'], '会计\n男女不限，五险一金，月薪6000元').code).toBe(0);
  });

  it('exits 3 with a clear message for input and usage errors', () => {
    const badJson = run(['check', '-'], '{"title": ');
    expect(badJson.code).toBe(3);
    expect(badJson.stderr).toMatch(/not valid JSON/);
    const missing = run(['check', '/nonexistent/ad.txt']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
    expect(run(['check']).code).toBe(3);
    const tooLong = run(['check', '-'], JSON.stringify({ title: 't', description: 'x'.repeat(20_001) }));
    expect(tooLong.stderr).toMatch(/description: at most 20000 characters/);
  });

  it('streams JSONL: one verdict or error per line, same id, and goes on after bad lines', () => {
    const input = [
      JSON.stringify({ id: 'a', title: '会计', description: '男女不限' }),
      '{not json',
      JSON.stringify({ id: 42, title: '司机' }),
      '',
      JSON.stringify({ id: 'c', title: '保安', description: '入职交押金300元' }),
    ].join('\n');
    const { code, stdout } = run(['check', '--jsonl'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', decision: 'approve' });
    expect(lines[1]).toMatchObject({ id: null, line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(lines[2]).toMatchObject({ id: 42, line: 3, error: expect.stringMatching(/^description:/) });
    expect(lines[3]).toMatchObject({ id: 'c', decision: 'reject' });
  });

  it('--fix prints the fixed ad and its decision after the findings (each with its fix); the exit code is the original decision', () => {
    const { code, stdout } = run(['check', '-', '--fix'], '仓库管理员\n限男性，18-45周岁，能吃苦\n五险一金');
    expect(code).toBe(2);
    expect(stdout).toContain('修改: 「限男性」改为「男女不限」');
    expect(stdout).toContain('修改: 删除「18-45周岁，」');
    expect(stdout).toMatch(/修改后: 通过 approve\n\n\[title\]\n仓库管理员\n\n\[description\]\n男女不限，能吃苦\n五险一金/);
    const fraud = run(['check', '-', '--fix'], '打字员\n手机刷单，入职交押金200元');
    expect(fraud.stdout).toContain('修改后: 无法通过修改措辞修正');
    const lure = run(['check', '-', '--fix'], '销售\n月入过万很轻松，欢迎加入');
    expect(lure.stdout).toContain('修改后: 没有可以自动修改的内容');
    const clean = run(['check', '-', '--fix'], '会计\n男女不限，五险一金');
    expect(clean.stdout).toContain('修改后: 没有需要修改的内容');
  });

  it('--fix with --json and --jsonl adds fixed to each verdict, none for fraud or fees', () => {
    const single = run(['check', '-', '--json', '--fix'], JSON.stringify({ title: '保洁员', description: '要求：限本地户口，能吃苦' }));
    expect(JSON.parse(single.stdout).fixed).toEqual({ title: '保洁员', description: '要求：能吃苦', decision: 'approve' });
    const input = [
      JSON.stringify({ id: 'a', title: '会计', description: '女性优先，熟练使用Office' }),
      JSON.stringify({ id: 'b', title: '打字员', description: '手机刷单，入职交押金200元，限女性' }),
      JSON.stringify({ id: 'c', title: '会计', description: '男女不限' }),
    ].join('\n');
    const lines = run(['check', '--jsonl', '--fix'], input).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 'a', decision: 'reject', fixed: { description: '男女不限，熟练使用Office', decision: 'approve' } });
    expect(lines[1].decision).toBe('reject');
    expect(lines[1].fixed).toBeUndefined();
    expect(lines[2].fixed).toBeUndefined();
  });

  it('checks ads without a title, from a JSON file and from exported JSONL lines with extra keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hirecheck-')), 'untitled.json');
    writeFileSync(file, JSON.stringify({ description: '招聘普工，1.20-35岁，男女不限' }));
    const single = run(['check', file, '--json']);
    expect(single.code).toBe(1);
    expect(JSON.parse(single.stdout).findings[0]).toMatchObject({ category: 'age', text: '20-35岁' });

    const input = [
      JSON.stringify({ id: 'r-1', source: 'board dump', url: 'http://x', description: '限男性，包吃住' }),
      JSON.stringify({ id: 'r-2', source: 'board dump', title: '', description: '五险一金，月薪5000元' }),
    ].join('\n');
    const { code, stdout, stderr } = run(['check', '--jsonl'], input);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l))).toMatchObject([
      { id: 'r-1', decision: 'reject' },
      { id: 'r-2', decision: 'approve' },
    ]);
    expect(stderr.trim().split('\n')).toEqual(['hirecheck: ignoring keys that are not ad fields: source, url']);
  });
});
