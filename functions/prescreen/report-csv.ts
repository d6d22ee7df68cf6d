/**
 * `--csv`: one line per job (bad rows included) that Excel opens correctly: UTF-8 with a BOM, CRLF, and
 * cells that start like a formula neutralised, since the text comes from exhibitors (CSV injection).
 */
import { CATEGORY_LABELS, JOB_DECISION_LABELS, creditCodeStatus } from './labels.js';
import type { PrescreenResult, RowError, RowResult } from './types.js';

const HEADER = ['行号', '单位名称', '统一社会信用代码', '信用代码状态', '岗位名称', '结论', '问题类别', '问题摘要'];

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An all-digit code would show as 9.11E+17 in Excel and lose digits; ="…" keeps it text. Digits only, so no injection. */
function codeCell(code: string | null | undefined): string {
  if (!code) return '';
  return /^\d{12,}$/.test(code) ? `="${code}"` : csvCell(code);
}

const line = (cells: string[]) => `${cells.join(',')}\r\n`;

function jobLine(r: RowResult): string {
  const summary = r.findings.map((f) => `${CATEGORY_LABELS[f.category]}：“${f.text}” ${f.message}`).join('；');
  const status = creditCodeStatus(r.creditCodeValid) + (r.creditCodeProblem ? `（${r.creditCodeProblem}）` : '');
  return line([
    String(r.row),
    csvCell(r.company),
    codeCell(r.creditCode),
    csvCell(status),
    csvCell(r.title),
    JOB_DECISION_LABELS[r.decision],
    csvCell(r.categories.map((c) => CATEGORY_LABELS[c]).join('、')),
    csvCell(summary),
  ]);
}

function errorLine(e: RowError): string {
  return line([String(e.row), csvCell(e.company ?? ''), codeCell(e.creditCode), '', '', '无法检查', '', csvCell(e.reason)]);
}

export function* csvReport(result: PrescreenResult): Generator<string> {
  yield '\uFEFF' + line(HEADER);
  // Jobs and bad rows merged back into the spreadsheet's row order.
  let e = 0;
  for (const r of result.rows) {
    while (e < result.errors.length && result.errors[e]!.row < r.row) yield errorLine(result.errors[e++]!);
    yield jobLine(r);
  }
  while (e < result.errors.length) yield errorLine(result.errors[e++]!);
}
