import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../functions/engine.js';
import { PrescreenInputError } from '../../functions/prescreen/errors.js';
import { prescreen } from '../../functions/prescreen/prescreen.js';
import type { PrescreenResult } from '../../functions/prescreen/types.js';
import { FAIR, HEADER, tempDir, writeCsv, writeXlsx, type Table } from './fixtures.js';

const dir = tempDir();
const file = (path: string) => ({ name: path.split('/').pop()!, path });
const byRow = (r: PrescreenResult, row: number) => r.rows.find((x) => x.row === row);

beforeAll(() => {
  getEngine(); // the engine's start-up is paid once, outside the tests' timeouts
}, 120_000);

describe('prescreen: reading', () => {
  it.each(['utf-8', 'utf-8-bom', 'gbk'] as const)('reads a %s CSV with the same result', async (encoding) => {
    const result = await prescreen(file(writeCsv(dir, `fair-${encoding}.csv`, FAIR, encoding)));
    expect(result.summary.encoding).toBe({ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', gbk: 'GBK' }[encoding]);
    expect(result.rows.map((r) => [r.row, r.company, r.title])).toEqual([
      [2, '甲科技有限公司', '仓库管理员'],
      [3, '甲科技有限公司', '会计'],
      [4, '乙贸易有限公司', '销售代表'],
      [6, '丁物流有限公司', '仓库管理员'],
      [7, '甲科技有限公司', '会计'],
    ]);
    expect(result.errors).toEqual([{ row: 5, reason: '岗位描述为空', company: '丙教育集团', title: '辅导老师' }]);
  });

  it.each([true, false])('reads an XLSX (shared strings: %s) with the same rows and row numbers', async (shared) => {
    const result = await prescreen(file(await writeXlsx(dir, `fair-${shared}.xlsx`, FAIR, { shared })));
    expect(result.summary).toMatchObject({ format: 'xlsx', headerRow: 1, rows: 6, checked: 5, errors: 1 });
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 6, 7]);
    expect(byRow(result, 2)?.findings.some((f) => f.category === 'gender')).toBe(true);
  });

  it('finds the header below a title row and keeps the sheet\'s own row numbers', async () => {
    const result = await prescreen(file(await writeXlsx(dir, 'titled.xlsx', FAIR, { titleRow: '2025 春季双选会岗位信息汇总表' })));
    expect(result.summary.headerRow).toBe(2);
    expect(result.rows.map((r) => r.row)).toEqual([3, 4, 5, 7, 8]);
  });

  it('checks a row without a job title (exports often have none)', async () => {
    const table: Table = [HEADER, ['甲公司', '', '', '招聘仓管，限男性，35岁以下', '', '', '', '']];
    const result = await prescreen(file(writeCsv(dir, 'untitled.csv', table, 'utf-8')));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.title, r.categories.sort()])).toEqual([[2, '', ['age', 'gender', 'incomplete']]]);
  });

  it('counts blank lines and multi-line cells the way Excel numbers rows', async () => {
    const table: Table = [HEADER, ['甲公司', '', '会计', '第一行\n第二行\n第三行', '', '', '', ''], [], ['乙公司', '', '出纳', '男女不限', '', '', '', '']];
    const result = await prescreen(file(writeCsv(dir, 'multiline.csv', table, 'utf-8')));
    expect(result.rows.map((r) => [r.row, r.title])).toEqual([[2, '会计'], [4, '出纳']]);
  });

  it('reads Excel\'s "Unicode text": UTF-16 with a BOM, tab-separated', async () => {
    const path = join(dir, 'unicode.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FAIR.map((r) => r.join('\t')).join('\r\n'), 'utf16le')]));
    const result = await prescreen(file(path));
    expect(result.summary.encoding).toBe('UTF-16LE (BOM)');
    expect(result.rows.map((r) => r.title)).toEqual(['仓库管理员', '会计', '销售代表', '仓库管理员', '会计']);
  });

  it('reads tab-separated text and JSON Lines', async () => {
    const tsv = join(dir, 'fair.txt');
    writeFileSync(tsv, FAIR.map((r) => r.join('\t')).join('\n'));
    expect((await prescreen(file(tsv))).rows).toHaveLength(5);
    const jsonl = join(dir, 'fair.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ company: { name: '甲公司', creditCode: '91350100M000100Y43' }, title: '会计', description: '限男性' }),
        '',
        '{not json',
        JSON.stringify({ 单位名称: '乙公司', 岗位名称: '出纳', 岗位职责: '招聘出纳，男女不限，五险一金' }),
        JSON.stringify({ company: '丙公司', title: '司机', description: { nested: true } }),
      ].join('\n'),
    );
    const result = await prescreen(file(jsonl));
    expect(result.rows.map((r) => [r.row, r.company, r.creditCodeValid, r.decision])).toEqual([
      [1, '甲公司', true, 'reject'],
      [4, '乙公司', null, 'approve'],
    ]);
    expect(result.errors.map((e) => e.row)).toEqual([3, 5]);
    expect(result.errors[0]!.reason).toMatch(/不是有效的 JSON/);
    expect(result.errors[1]!.reason).toMatch(/无法读取/);
  });

  it('fails an unknown layout with the headers found and the fields needed', async () => {
    const path = writeCsv(dir, 'unknown.csv', [['序号', '名称', '职务', '内容'], ['1', '甲公司', '会计', '限男性']], 'utf-8');
    const failure = prescreen(file(path));
    await expect(failure).rejects.toThrow(PrescreenInputError);
    await expect(failure).rejects.toThrow(/headers found \(row 1\): 序号, 名称, 职务, 内容[\s\S]*fields needed: company \(单位名称/);
    const map = new Map([['名称', 'company'], ['职务', 'title'], ['D', 'description'], ['1', 'ignore']] as const);
    const mapped = await prescreen(file(path), { map });
    expect(mapped.summary.columns).toEqual([
      { header: '名称', field: 'company' },
      { header: '职务', field: 'title' },
      { header: '内容', field: 'description' },
    ]);
    expect(mapped.rows).toMatchObject([{ row: 2, company: '甲公司', title: '会计', decision: 'reject' }]);
  });

  it('refuses .xls and files with no rows', async () => {
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(prescreen(file(xls))).rejects.toThrow(/\.xls/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '\uFEFF');
    await expect(prescreen(file(empty))).rejects.toThrow(/no rows/);
  });
});

describe('prescreen: checks', () => {
  let result: PrescreenResult;
  beforeAll(async () => {
    result = await prescreen(file(writeCsv(dir, 'checks.csv', FAIR, 'gbk')));
  });

  it('passes the engine\'s decision and findings through', () => {
    expect(byRow(result, 2)).toMatchObject({ decision: 'reject', categories: expect.arrayContaining(['gender']) });
    // What a row lacks (招聘人数, 薪资) is a notice: shown, never a reason to turn the job down.
    expect(byRow(result, 3)).toMatchObject({ decision: 'approve' });
    expect(byRow(result, 3)!.findings.every((f) => f.severity === 'notice')).toBe(true);
    expect(byRow(result, 4)).toMatchObject({ decision: 'reject', categories: expect.arrayContaining(['fee_charging']) });
    // Offsets are into the joined description that the excerpt shows.
    const gender = byRow(result, 2)!.findings.find((f) => f.category === 'gender')!;
    const excerpt = byRow(result, 2)!.excerpts.find((x) => x.field === gender.field)!;
    const mark = excerpt.marks.find((m) => byRow(result, 2)!.findings[m.index] === gender)!;
    expect(excerpt.text.slice(mark.start, mark.end)).toBe(gender.text);
    expect(excerpt.text).toContain('岗位职责：负责货物出入库登记\n任职要求：限男性');
  });

  it('validates credit codes: true, false with a reason, null when missing; the summary counts exhibitors', () => {
    expect(byRow(result, 2)).toMatchObject({ creditCode: '91350100M000100Y43', creditCodeValid: true });
    expect(byRow(result, 4)).toMatchObject({ creditCodeValid: false, creditCodeProblem: expect.stringMatching(/校验码/) });
    // 甲 (three jobs) and 丁 valid, 乙 invalid, 丙 none: per exhibitor, not per job.
    expect(result.summary.creditCodes).toEqual({ valid: 2, invalid: 1, missing: 1 });
  });

  it('reports the same ad posted twice', () => {
    expect(result.duplicates).toContainEqual({ kind: 'same_ad', rows: [3, 7], detail: '甲科技有限公司：会计' });
    // The same text from another company is not a duplicate post.
    expect(result.duplicates.some((d) => d.rows.includes(2) && d.rows.includes(6))).toBe(false);
  });

  it('groups jobs by exhibitor and decides per exhibitor: one bad condition asks for a fix, a fee refuses', () => {
    expect(result.exhibitors.map((x) => [x.name, x.outcome, x.rows.map((r) => r.row), x.errors.map((e) => e.row)])).toEqual([
      ['甲科技有限公司', 'fix', [2, 3, 7], []],
      ['乙贸易有限公司', 'refuse', [4], []],
      ['丙教育集团', 'fix', [], [5]],
      ['丁物流有限公司', 'fix', [6], []],
    ]);
    expect(result.summary.exhibitors).toEqual({ total: 4, pass: 0, fix: 3, refuse: 1 });
    expect(result.exhibitors.map((x) => x.problems.map((p) => p.kind))).toEqual([
      ['wording', 'duplicate_post'],
      ['fee', 'code_invalid'],
      ['code_missing', 'unreadable'],
      ['wording'],
    ]);
    // Worded for the exhibitor: jobs by title, no row numbers (those are in `rows`, for the organiser).
    expect(result.exhibitors[0]!.problems[1]).toEqual({ kind: 'duplicate_post', text: '岗位“会计”提交了 2 次，请只保留一条', rows: [3, 7] });
    expect(result.exhibitors[2]!.problems).toContainEqual({ kind: 'code_missing', text: '未填写统一社会信用代码，请补充', rows: [5] });
    for (const x of result.exhibitors) for (const p of x.problems) expect(p.text).not.toMatch(/第 ?\d+ ?行/);
  });

  it('keeps an unreadable row\'s company, title and code', async () => {
    const table: Table = [HEADER, ['甲公司', '9.13301E+17', '会计', '', '', '', '', '']];
    const r = await prescreen(file(writeCsv(dir, 'unreadable.csv', table, 'utf-8')));
    expect(r.errors).toEqual([{ row: 2, reason: '岗位描述为空', company: '甲公司', creditCode: '9.13301E+17', title: '会计' }]);
    expect(r.exhibitors[0]!.problems).toContainEqual(expect.objectContaining({ kind: 'code_invalid', code: '9.13301E+17', excel: true }));
    expect(r.exhibitors[0]!.problems).toContainEqual(expect.objectContaining({ kind: 'unreadable', text: '岗位“会计”的信息无法读取（岗位描述为空），请补正后重新提交' }));
  });

  it('reports one company under two codes and one code under two names, and clears a clean exhibitor', async () => {
    const table: Table = [
      HEADER,
      ['戊公司', '91350100M000100Y43', '会计', '招聘会计，男女不限，五险一金', '', '', '', ''],
      ['戊公司', '9144030071526726XG', '出纳', '招聘出纳，男女不限，五险一金', '', '', '', ''],
      ['己公司', '91330100716105852F', '文员', '招聘文员，男女不限，五险一金', '', '', '', ''],
      ['庚公司', '91330100716105852F', '司机', '招聘司机，男女不限，五险一金', '', '', '', ''],
      ['辛公司', '91110108551385082Q', '司机', '招聘司机，男女不限，五险一金', '', '', '', ''],
      ['辛公司', '', '保安', '招聘保安，男女不限，五险一金', '', '', '', ''],
    ];
    const r = await prescreen(file(writeCsv(dir, 'codes.csv', table, 'utf-8')));
    expect(r.duplicates).toEqual([
      { kind: 'company_two_codes', rows: [2, 3], detail: '戊公司：91350100M000100Y43、9144030071526726XG' },
      { kind: 'code_two_names', rows: [4, 5], detail: '91330100716105852F：己公司、庚公司' },
    ]);
    const xin = r.exhibitors.find((x) => x.name === '辛公司')!;
    // The row without a code joins the company's only code.
    expect(xin).toMatchObject({ outcome: 'pass', creditCodes: ['91110108551385082Q'], problems: [] });
    expect(xin.rows.map((x) => x.row)).toEqual([6, 7]);
    expect(r.exhibitors.find((x) => x.name === '己公司')!.outcome).toBe('fix');
  });

  it('reports bad rows with their number and goes on: empty text, too long, an Excel error cell', async () => {
    const table: Table = [
      HEADER,
      ['甲公司', '', '会计', '', '', '', '', ''],
      ['甲公司', '', 'x'.repeat(201), '描述', '', '', '', ''],
      ['甲公司', '', '会计', '描'.repeat(20_001), '', '', '', ''],
      ['甲公司', '', '出纳', '招聘出纳，男女不限，五险一金', '', '', '', ''],
      ['甲公司', '', '文员', { formula: '1/0', result: { error: '#DIV/0!' } }, '', '', '', ''],
    ];
    const xlsx = await writeXlsx(dir, 'bad.xlsx', table);
    const r = await prescreen(file(xlsx));
    expect(r.errors).toEqual([
      { row: 2, reason: '岗位描述为空', company: '甲公司', title: '会计' },
      { row: 3, reason: '岗位名称超过 200 字的上限（实为 201 字）', company: '甲公司' },
      { row: 4, reason: '岗位描述超过 20000 字的上限（实为 20001 字）', company: '甲公司', title: '会计' },
      { row: 6, reason: '“岗位职责”列的单元格无法读取（#DIV/0!）', company: '甲公司', title: '文员' },
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([5]);
  });

  it('reports cells holding bytes of the wrong encoding', async () => {
    const gbkBytes = iconv.encode(['单位名称,岗位名称,岗位职责', '甲公司,会计,限男性', '乙公司,出纳,男女不限'].join('\n'), 'gbk');
    const path = join(dir, 'wrong-encoding.csv');
    // A UTF-8 header and GBK rows: detected as GBK would garble the header, so force UTF-8 as a user might.
    writeFileSync(path, Buffer.concat([Buffer.from('单位名称,岗位名称,岗位职责\n'), gbkBytes.subarray(gbkBytes.indexOf(0x0a) + 1)]));
    const r = await prescreen(file(path), { encoding: { encoding: 'utf-8', bom: 0 } });
    expect(r.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(r.errors[0]!.reason).toMatch(/无法识别的字符/);
  });

  it('keeps what it read when a file breaks part-way and says where', async () => {
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, '单位名称,岗位名称,岗位职责\n甲公司,会计,男女不限\n乙公司,出纳,"未闭合的引号\n丙公司,司机,限男性\n');
    const r = await prescreen(file(path));
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.errors).toEqual([{ row: 3, reason: expect.stringMatching(/CSV 格式错误.*Quote Not Closed/) }]);
  });

  it('enforces a row limit when asked', async () => {
    await expect(prescreen(file(writeCsv(dir, 'limit.csv', FAIR, 'utf-8')), { maxRows: 3 })).rejects.toThrow(/more than 3 rows/);
  });
});
