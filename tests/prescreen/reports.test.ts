/**
 * The prescreen's three outputs for a small fair with one exhibitor of each outcome: letters a career
 * centre can send (only what applies, no row numbers, the organiser's details on each), the CSV with
 * 单位结论 and 重复情况, the JSON exhibitors; and the printed report in Chromium, shot with print media
 * into tests/artifacts/prescreen-report-*.png for a person to look at.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { getEngine } from '../../functions/engine.js';
import { prescreen } from '../../functions/prescreen/prescreen.js';
import { csvReport } from '../../functions/prescreen/report-csv.js';
import { htmlReport } from '../../functions/prescreen/report-html.js';
import { jsonReport } from '../../functions/prescreen/report-json.js';
import type { PrescreenResult } from '../../functions/prescreen/types.js';
import { ARTIFACTS_DIR, launchBrowser, newPage } from '../console/browser.js';
import { FAIR, tempDir, writeCsv, type Table } from './fixtures.js';

const TABLE: Table = [
  ...FAIR,
  ['戊咨询有限公司', '91110108551385082Q', '行政助理', '招聘行政助理，男女不限，五险一金，月薪6000元', '', '6000', '杭州', ''],
  ['己软件有限公司', '9.13301E+17', '测试工程师', '负责软件测试，男女不限，五险一金', '', '8000', '杭州', ''],
  ['庚网络科技', '', '兼职打字员', '兼职刷单员，在家刷单返利，日结', '', '', '', ''],
  ['<img src=x onerror=alert(1)>公司', '', '销售', '入职需交押金500元<script>alert(1)</script>', '', '', '', '=HYPERLINK("http://evil")'],
];
const LETTER = { fairName: '2026 春季校园双选会', contact: '就业指导中心 王老师 0571-88888888', deadline: '2026-03-15' };

let result: PrescreenResult;
let html: string;
/** Each exhibitor's letter, by company name. */
const letters = new Map<string, string>();
beforeAll(async () => {
  getEngine();
  result = await prescreen({ name: 'fair.csv', path: writeCsv(tempDir(), 'fair.csv', TABLE, 'gbk') }, { letter: LETTER });
  html = [...htmlReport(result)].join('');
  for (const section of html.split('<section class="exhibitor"').slice(1)) {
    const name = /<h2>(?:致 )?(.*?)<span/.exec(section)![1]!;
    letters.set(name, section.slice(0, section.indexOf('</section>')));
  }
}, 120_000);

const outcomeOf = (name: string) => result.exhibitors.find((x) => x.name === name)?.outcome;

describe('outcomes', () => {
  it('gives each exhibitor one of 通过, 需整改, 不予参展', () => {
    expect(outcomeOf('戊咨询有限公司')).toBe('pass');
    expect(outcomeOf('甲科技有限公司')).toBe('fix'); // one gender condition among three jobs
    expect(outcomeOf('己软件有限公司')).toBe('fix'); // clean text, a code Excel mangled
    expect(outcomeOf('乙贸易有限公司')).toBe('refuse'); // a deposit charged to applicants
    expect(outcomeOf('庚网络科技')).toBe('refuse'); // 刷单
    expect(result.summary.exhibitors).toMatchObject({ pass: 1, refuse: 3 });
  });
});

describe('letters', () => {
  it('put the fair, the contact and the deadline on every letter that needs them', () => {
    expect(letters.size).toBe(result.exhibitors.length);
    for (const letter of letters.values()) {
      expect(letter).toContain('2026 春季校园双选会');
      expect(letter).toContain('就业指导中心 王老师 0571-88888888');
    }
    expect(letters.get('甲科技有限公司')).toContain('请于 2026年3月15日 前');
  });

  it('never cite the master sheet’s row numbers (the organiser’s summary does)', () => {
    for (const letter of letters.values()) expect(letter).not.toMatch(/第 ?\d+ ?行/);
    expect(html.slice(0, html.indexOf('<section class="exhibitor"'))).toContain('<td>3、7</td>');
  });

  it('say nothing about a valid code, and ask neutrally about an invalid one', () => {
    for (const name of ['戊咨询有限公司', '甲科技有限公司']) expect(letters.get(name)).not.toMatch(/信用代码[^<]*(请|校验)/);
    const bad = letters.get('己软件有限公司')!;
    expect(bad).toContain('代码校验未通过，请核对');
    expect(html).not.toMatch(/篡改|代码有误/);
  });

  it('give an Excel hint for a code in scientific notation', () => {
    expect(letters.get('己软件有限公司')).toMatch(/<div class="hint">[^<]*Excel[^<]*“文本”[^<]*重新填写/);
    expect(letters.get('甲科技有限公司')).not.toContain('class="hint"');
  });

  it('tell fraud and fee exhibitors plainly, with no rewording advice', () => {
    for (const name of ['乙贸易有限公司', '庚网络科技']) {
      const letter = letters.get(name)!;
      expect(letter).toContain('不予安排贵单位参展');
      expect(letter).not.toMatch(/修改建议|请按|修改后重新提交/);
    }
    expect(letters.get('庚网络科技')).toContain('涉嫌欺诈');
    expect(letters.get('乙贸易有限公司')).toContain('缴纳费用');
  });

  it('give a clean exhibitor one short letter, and a fix exhibitor the findings grouped with rewording advice', () => {
    const clean = letters.get('戊咨询有限公司')!;
    expect(clean).toContain('未发现问题，可按计划参展');
    expect(clean).not.toMatch(/需要处理的事项|修改建议|平台/);
    const fix = letters.get('甲科技有限公司')!;
    expect(fix).toMatch(/<mark class="sev-reject"[^>]*>限男性<sup>1<\/sup><\/mark>/);
    expect(fix).toContain('修改建议：');
    expect(fix).toContain('以下岗位未发现问题：“会计”。');
    expect(fix).toMatch(/岗位“会计”提交了 2 次/);
    expect(html).not.toContain('由平台复核');
  });

  it('address the organiser, not a platform, where a suggestion names who reviews an exception', async () => {
    const table: Table = [FAIR[0]!, ['辛物流有限公司', '91350100M000100Y43', '调度员', '负责车辆调度，限本地户口', '', '', '', '']];
    const one = await prescreen({ name: 'one.csv', path: writeCsv(tempDir(), 'one.csv', table, 'utf-8') });
    const letter = [...htmlReport(one)].join('');
    expect(letter).toContain('由主办方复核');
    expect(letter).not.toContain('平台');
  });

  it('use the terms of one meaning once: no 待复核 or 建议拒绝, and no internal field names', () => {
    expect(html).not.toMatch(/待复核|建议拒绝/);
    expect(html).not.toMatch(/→ (company|creditCode|title|description)\b/);
    expect(html).toContain('“单位名称”作为单位名称');
    expect(html).toMatch(/统一社会信用代码（按单位计）：有效 \d+ 家/);
  });

  it('is one self-contained file: no script, no external reference, a CSP that forbids both', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/i);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;公司');
  });
});

describe('printed', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders without any request, numbers its pages, and starts each letter on a new page', async () => {
    const page = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const path = join(ARTIFACTS_DIR, 'prescreen-report.html');
    writeFileSync(path, html);
    await page.goto(`file://${path}`);
    expect(requests).toEqual([`file://${path}`]);
    expect(await page.locator('section.exhibitor').count()).toBe(result.exhibitors.length);
    // Chromium parsed the page-number margin box (an unknown at-rule would have been dropped).
    const margin = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).flatMap((rule) => (rule instanceof CSSPageRule ? [...rule.cssRules].map((r) => r.cssText) : [])),
    );
    expect(margin.join(' ')).toMatch(/@bottom-center.*counter\(page\).*counter\(pages\)/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'prescreen-report.png'), fullPage: true });
    // On a phone nothing is wider than the screen: the chart scales down, tables and excerpts wrap.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'prescreen-report-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'prescreen-report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS_DIR, 'prescreen-report.pdf') });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1 + result.exhibitors.length);
    await page.context().close();
  }, 60_000);
});

describe('CSV results', () => {
  const rows = () => parse([...csvReport(result)].join('').slice(1), { relax_column_count: true }) as string[][];

  it('is UTF-8 with a BOM and CRLF, one line per job in row order, unreadable rows included', () => {
    const csv = [...csvReport(result)].join('');
    expect(csv.startsWith('\uFEFF行号,单位名称,统一社会信用代码,信用代码状态,岗位名称,岗位结论,单位结论,重复情况,问题类别,问题摘要\r\n')).toBe(true);
    expect(rows().slice(1).map((r) => r[0])).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('carries each exhibitor’s outcome and each row’s duplicates', () => {
    const byRow = new Map(rows().slice(1).map((r) => [r[0], r]));
    expect(byRow.get('2')!.slice(4, 8)).toEqual(['仓库管理员', '不通过', '需整改', '']);
    expect(byRow.get('3')!.slice(5, 8)).toEqual(['通过', '需整改', '同一岗位重复提交（第 3、7 行）']);
    expect(byRow.get('4')!.slice(5, 7)).toEqual(['不通过', '不予参展']);
    expect(byRow.get('8')!.slice(5, 7)).toEqual(['通过', '通过']);
    expect(byRow.get('9')![3]).toMatch(/^校验未通过（显示为科学计数法/);
  });

  it('keeps an unreadable row’s company, title and code status', () => {
    const unreadable = rows().find((r) => r[0] === '5')!;
    expect(unreadable.slice(1, 8)).toEqual(['丙教育集团', '', '未填写', '辅导老师', '无法读取', '需整改', '']);
    expect(unreadable[9]).toBe('岗位描述为空');
  });

  it('neutralises cells that Excel would run as a formula', () => {
    for (const row of rows()) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('JSON results', () => {
  it('has summary, exhibitors, rows, errors and duplicates in the documented shape', () => {
    const json = JSON.parse([...jsonReport(result)].join(''));
    expect(Object.keys(json)).toEqual(['summary', 'exhibitors', 'rows', 'errors', 'duplicates']);
    expect(json.summary).toMatchObject({ rows: 10, checked: 9, errors: 1, letter: LETTER });
    expect(json.exhibitors[0]).toEqual({
      company: '甲科技有限公司',
      creditCode: '91350100M000100Y43',
      outcome: 'fix',
      jobs: [
        { row: 2, title: '仓库管理员', decision: 'reject' },
        { row: 3, title: '会计', decision: 'approve' },
        { row: 7, title: '会计', decision: 'approve' },
      ],
      problems: [
        { kind: 'wording', text: expect.stringContaining('岗位“仓库管理员”含有性别方面'), rows: [2] },
        { kind: 'duplicate_post', text: '岗位“会计”提交了 2 次，请只保留一条', rows: [3, 7] },
      ],
    });
    expect(json.exhibitors.map((x: { outcome: string }) => x.outcome)).toContain('refuse');
    expect(Object.keys(json.rows[0])).toEqual(['row', 'company', 'creditCode', 'creditCodeValid', 'title', 'decision', 'categories', 'findings']);
    expect(json.errors).toEqual([{ row: 5, reason: '岗位描述为空', company: '丙教育集团', title: '辅导老师' }]);
    expect(json.duplicates).toContainEqual({ rows: [3, 7], kind: 'same_ad', detail: '甲科技有限公司：会计' });
  });
});
