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

const HOSTILE: Table = [
  ...FAIR,
  ['<img src=x onerror=alert(1)>公司', '', '销售', '入职需交押金500元<script>alert(1)</script>', '', '', '', '=HYPERLINK("http://evil")'],
];

let result: PrescreenResult;
let html: string;
beforeAll(async () => {
  getEngine();
  result = await prescreen({ name: 'fair.csv', path: writeCsv(tempDir(), 'fair.csv', HOSTILE, 'gbk') });
  html = [...htmlReport(result)].join('');
}, 120_000);

describe('HTML report', () => {
  it('is one self-contained file: no script, no external reference, a CSP that forbids both', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('puts the overview first, then a section per exhibitor with highlighted findings, law and rewrite', () => {
    const overview = html.indexOf('总体情况');
    const firstSection = html.indexOf('<section class="exhibitor"');
    expect(overview).toBeGreaterThan(0);
    expect(firstSection).toBeGreaterThan(overview);
    expect(html.match(/<section class="exhibitor"/g)).toHaveLength(result.exhibitors.length);
    expect(html).toMatch(/<svg class="chart"[^>]*>.*性别.*收费.*劳动权益/s);
    expect(html).toMatch(/<mark class="sev-reject"[^>]*>限男性<sup>\d+<\/sup><\/mark>/);
    expect(html).toContain('法律依据：');
    expect(html).toContain('修改建议：');
    expect(html).toContain('break-before: page');
  });

  describe('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('renders without any request, and prints each exhibitor on its own page', async () => {
      const page = await newPage(browser);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const path = join(ARTIFACTS_DIR, 'prescreen-report.html');
      writeFileSync(path, html);
      await page.goto(`file://${path}`);
      expect(requests).toEqual([`file://${path}`]);
      expect(await page.locator('section.exhibitor').count()).toBe(result.exhibitors.length);
      expect(await page.locator('mark', { hasText: '限男性' }).first().isVisible()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'prescreen-report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1 + result.exhibitors.length);
    }, 60_000);
  });
});

describe('CSV results', () => {
  const text = () => [...csvReport(result)].join('');

  it('is UTF-8 with a BOM and CRLF, one line per job in row order, bad rows included', () => {
    const csv = text();
    expect(csv.startsWith('\uFEFF行号,单位名称,统一社会信用代码,信用代码状态,岗位名称,结论,问题类别,问题摘要\r\n')).toBe(true);
    const rows: string[][] = parse(csv.slice(1), { relax_column_count: true });
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2', '3', '4', '5', '6', '7', '8']);
    expect(rows[1]!.slice(2, 6)).toEqual(['91350100M000100Y43', '有效', '仓库管理员', '不通过']);
    expect(rows[1]![6]).toContain('性别');
    expect(rows[3]![3]).toMatch(/^无效（校验码/);
    expect(rows[4]!.slice(5, 8)).toEqual(['无法检查', '', '岗位描述为空']);
  });

  it('neutralises cells that Excel would run as a formula', () => {
    const rows: string[][] = parse(text().slice(1), { relax_column_count: true });
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('JSON results', () => {
  it('has summary, rows, errors and duplicates in the documented shape', () => {
    const json = JSON.parse([...jsonReport(result)].join(''));
    expect(Object.keys(json)).toEqual(['summary', 'rows', 'errors', 'duplicates']);
    expect(json.summary).toMatchObject({ rows: 7, checked: 6, errors: 1, exhibitors: { total: 5 } });
    expect(Object.keys(json.rows[0])).toEqual(['row', 'company', 'creditCode', 'creditCodeValid', 'title', 'decision', 'categories', 'findings']);
    expect(json.rows.find((r: { row: number }) => r.row === 8)).toMatchObject({ creditCode: null, creditCodeValid: null, decision: 'reject' });
    expect(json.errors).toEqual([{ row: 5, reason: '岗位描述为空' }]);
    expect(json.duplicates).toContainEqual({ rows: [3, 7], kind: 'same_ad', detail: '甲科技有限公司：会计' });
  });
});
