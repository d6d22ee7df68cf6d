/**
 * `--csv`: one line per job (unreadable rows included) that Excel opens correctly: UTF-8 with a BOM, CRLF,
 * and cells that start like a formula neutralised, since the text comes from exhibitors (CSV injection).
 * Each line carries its exhibitor's outcome (单位结论) and the duplicates it is part of (重复情况).
 */
import { checkCreditCode } from './credit-code.js';
import { CATEGORY_LABELS, creditCodeStatus, DUPLICATE_LABELS, JOB_DECISION_LABELS, OUTCOME_LABELS } from './labels.js';
import type { PrescreenResult, RowError, RowResult } from './types.js';

const HEADER = ['行号', '单位名称', '统一社会信用代码', '信用代码状态', '岗位名称', '岗位结论', '单位结论', '重复情况', '问题类别', '问题摘要'];

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

function codeStatus(valid: boolean | null, problem: string | undefined): string {
  return creditCodeStatus(valid) + (problem ? `（${problem}）` : '');
}

export function* csvReport(result: PrescreenResult): Generator<string> {
  const outcomeOf = new Map<number, string>();
  for (const x of result.exhibitors) for (const r of [...x.rows, ...x.errors]) outcomeOf.set(r.row, OUTCOME_LABELS[x.outcome]);
  const duplicatesOf = new Map<number, string[]>();
  for (const d of result.duplicates) {
    for (const row of d.rows) duplicatesOf.set(row, [...(duplicatesOf.get(row) ?? []), `${DUPLICATE_LABELS[d.kind]}（第 ${d.rows.join('、')} 行）`]);
  }
  const shared = (row: number) => [csvCell(outcomeOf.get(row) ?? ''), csvCell((duplicatesOf.get(row) ?? []).join('；'))];

  const jobLine = (r: RowResult) =>
    line([
      String(r.row),
      csvCell(r.company),
      codeCell(r.creditCode),
      csvCell(codeStatus(r.creditCodeValid, r.creditCodeProblem)),
      csvCell(r.title),
      JOB_DECISION_LABELS[r.decision],
      ...shared(r.row),
      csvCell(r.categories.map((c) => CATEGORY_LABELS[c]).join('、')),
      csvCell(r.findings.map((f) => `${CATEGORY_LABELS[f.category]}：“${f.text}” ${f.message}`).join('；')),
    ]);
  // An unreadable row keeps what it says of itself: company, title and the state of its code.
  const errorLine = (e: RowError) => {
    const check = e.creditCode ? checkCreditCode(e.creditCode) : undefined;
    return line([
      String(e.row),
      csvCell(e.company ?? ''),
      codeCell(e.creditCode),
      csvCell(check ? codeStatus(check.valid, check.problem) : creditCodeStatus(null)),
      csvCell(e.title ?? ''),
      '无法读取',
      ...shared(e.row),
      '',
      csvCell(e.reason),
    ]);
  };

  yield '\uFEFF' + line(HEADER);
  // Jobs and unreadable rows merged back into the spreadsheet's row order.
  let i = 0;
  for (const r of result.rows) {
    while (i < result.errors.length && result.errors[i]!.row < r.row) yield errorLine(result.errors[i++]!);
    yield jobLine(r);
  }
  while (i < result.errors.length) yield errorLine(result.errors[i++]!);
}
