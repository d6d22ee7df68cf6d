import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAIR, HEADER, tempDir, writeCsv, writeXlsx, type Table } from '../prescreen/fixtures.js';

const bin = join(import.meta.dirname, '../../bin/hirecheck.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, 'prescreen', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('hirecheck prescreen', { timeout: 120_000 }, () => {
  const dir = tempDir();

  it('prescreens a GBK CSV into the HTML, CSV and JSON outputs and prints one summary line', () => {
    const input = writeCsv(dir, '双选会.csv', FAIR, 'gbk');
    const out = { html: join(dir, 'report.html'), csv: join(dir, 'results.csv'), json: join(dir, 'results.json') };
    const { code, stdout, stderr } = run([input, '--out', out.html, '--csv', out.csv, '--json', out.json]);
    expect(stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/6 rows, 5 checked .*1 bad rows; exhibitors 4: 0 pass, 3 to fix, 1 refused/);
    expect(readFileSync(out.html, 'utf8')).toContain('双选会招聘信息预审报告');
    expect(readFileSync(out.csv, 'utf8').startsWith('\uFEFF行号')).toBe(true);
    const json = JSON.parse(readFileSync(out.json, 'utf8'));
    expect(json.summary).toMatchObject({ encoding: 'GBK', rows: 6 });
    expect(json.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 6, 7]);
  });

  it('puts --fair-name, --contact and --deadline on the letters, and refuses a deadline that is no date', () => {
    const input = writeCsv(dir, 'letters.csv', FAIR, 'utf-8');
    const html = join(dir, 'letters.html');
    const ok = run([input, '--out', html, '--fair-name', '2026 春季校园双选会', '--contact', '就业指导中心 王老师', '--deadline', '2026-03-15']);
    expect(ok.code).toBe(0);
    const report = readFileSync(html, 'utf8');
    expect(report.match(/2026 春季校园双选会 · 招聘信息预审结果/g)).toHaveLength(4);
    expect(report.match(/如有疑问，请联系：就业指导中心 王老师/g)).toHaveLength(4);
    expect(report).toContain('请于 2026年3月15日 前');
    const bad = run([input, '--out', html, '--deadline', '15.3.2026']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/--deadline must be a date as YYYY-MM-DD/);
  });

  it('reads an XLSX', async () => {
    const input = await writeXlsx(dir, 'fair.xlsx', FAIR);
    const json = join(dir, 'xlsx.json');
    expect(run([input, '--json', json]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).summary).toMatchObject({ format: 'xlsx', checked: 5 });
  });

  it('exits 3 on an unknown layout, listing the headers; --map fixes it', () => {
    const input = writeCsv(dir, 'odd.csv', [['名称', '职务', '内容'], ['甲公司', '会计', '男女不限']], 'utf-8');
    const json = join(dir, 'odd.json');
    const failed = run([input, '--json', json]);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/unknown layout[\s\S]*headers found \(row 1\): 名称, 职务, 内容[\s\S]*fields needed/);
    const mapped = run([input, '--json', json, '--map', '名称=company', '--map', '职务=title', '--map', 'C=description']);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).rows[0]).toMatchObject({ row: 2, company: '甲公司', decision: 'approve' });
  });

  it('exits 3 with a message on usage errors and unreadable files', () => {
    const input = writeCsv(dir, 'ok.csv', FAIR, 'utf-8');
    expect(run([]).stderr).toMatch(/FILE is missing/);
    expect(run([input]).stderr).toMatch(/at least one output/);
    const badMap = run([input, '--out', join(dir, 'x.html'), '--map', '名称=firm']);
    expect(badMap.code).toBe(3);
    expect(badMap.stderr).toMatch(/unknown field "firm"/);
    const missing = run([join(dir, 'nope.csv'), '--out', join(dir, 'x.html')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
    const unwritable = run([input, '--out', join(dir, 'no-such-dir', 'x.html')]);
    expect(unwritable.code).toBe(3);
    expect(unwritable.stderr).toMatch(/cannot write/);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('draws a progress bar when stderr is a terminal', () => {
    const table: Table = [HEADER];
    for (let i = 0; i < 600; i++) table.push([`公司${i % 40}`, '', `岗位${i}`, '招聘会计，男女不限，五险一金', '', '', '', '']);
    const input = writeCsv(dir, 'long.csv', table, 'utf-8');
    const command = [process.execPath, bin, 'prescreen', input, '--json', join(dir, 'long.json')].map((a) => `'${a}'`).join(' ');
    // util-linux `script` runs the command on a pseudo-terminal, as an organizer's shell would.
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/预审 prescreen \[#+\] 100%\s+600 rows/);
    expect(r.stdout).toMatch(/600 rows, 600 checked/);
  });
});
