/** Real spreadsheet files for the prescreen tests, written to a temp dir by independent writers (iconv-lite, exceljs). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A formula cell whose cached result is an Excel error (#DIV/0!), as Excel stores it. */
export type ErrorCell = { formula: string; result: { error: string } };
export type Table = (string | number | null | ErrorCell)[][];

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hirecheck-prescreen-'));
}

export function csvText(table: Table): string {
  const cell = (v: Table[number][number]) => {
    const s = v === null ? '' : typeof v === 'object' ? v.result.error : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return table.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function writeCsv(dir: string, name: string, table: Table, encoding: 'utf-8' | 'utf-8-bom' | 'gbk'): string {
  const path = join(dir, name);
  const text = csvText(table);
  if (encoding === 'gbk') writeFileSync(path, iconv.encode(text, 'gbk'));
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
  return path;
}

/** `shared`: the in-memory writer (shared strings, as Excel writes); else the streaming writer with inline strings. */
export async function writeXlsx(dir: string, name: string, table: Table, options: { shared?: boolean; titleRow?: string } = {}): Promise<string> {
  const path = join(dir, name);
  const rows = options.titleRow ? [[options.titleRow], ...table] : table;
  if (options.shared ?? true) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('岗位信息');
    for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
    await workbook.xlsx.writeFile(path);
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('岗位信息');
    for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]).commit();
    await workbook.commit();
  }
  return path;
}

export const HEADER = ['单位名称', '统一社会信用代码', '岗位名称', '岗位职责', '任职要求', '薪资', '工作地点', '联系方式'];

/** A small fair: rows 2–7 (header = row 1). */
export const FAIR: Table = [
  HEADER,
  ['甲科技有限公司', '91350100M000100Y43', '仓库管理员', '负责货物出入库登记', '限男性，能吃苦耐劳', '4000-5000元/月', '上海', '021-12345678'],
  ['甲科技有限公司', '91350100M000100Y43', '会计', '招聘会计，男女不限，五险一金', '', '6000', '上海', ''],
  ['乙贸易有限公司', '91350100M000100Y44', '销售代表', '入职需交押金500元', '', '底薪+提成', '北京', ''],
  ['丙教育集团', '', '辅导老师', '', '', '', '', ''],
  ['丁物流有限公司', '9144030071526726XG', '仓库管理员', '负责货物出入库登记', '限男性，能吃苦耐劳', '', '广州', ''],
  ['甲科技有限公司', '91350100M000100Y43', '会计', '招聘会计，男女不限，五险一金', '', '6000', '上海', ''],
];
