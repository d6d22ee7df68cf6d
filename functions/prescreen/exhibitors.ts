/**
 * Groups a batch's jobs by exhibitor (credit code, else name) and decides what the career centre tells
 * each one: 通过, 需整改 (with the problems to fix), or 不予参展 (fraud, or fees charged to applicants).
 * Problems are worded for the exhibitor's letter (jobs by title, never by the master sheet's row numbers);
 * their `rows` are for the organiser.
 */
import type { Category } from '../core/categories.js';
import type { Finding } from '../core/verdict.js';
import { checkCreditCode, looksExcelDamaged } from './credit-code.js';
import { normalizeCompanyName, type DuplicateFinder } from './duplicates.js';
import { CATEGORY_LABELS } from './labels.js';
import type { Duplicate, Exhibitor, ExhibitorJob, ExhibitorOutcome, ExhibitorProblem, ProblemKind, RowError, RowResult } from './types.js';

export const NO_COMPANY = '（未填写单位名称）';
const NO_TITLE = '（未填写岗位名称）';

/** Categories no rewording makes lawful: the job itself must go. */
const UNFIXABLE: ReadonlySet<Category> = new Set<Category>(['fraud', 'fee_charging']);

/** Only what changes the outcome counts: notices (要素不全) inform, they never hold an exhibitor back. */
const counts = (f: Finding) => f.severity !== 'notice';

function groupKey(name: string | undefined, code: string | undefined, finder: Pick<DuplicateFinder, 'onlyCodeOf'>): string {
  if (code) return `code:${code}`;
  if (!name?.trim()) return 'none';
  const only = finder.onlyCodeOf(name);
  return only ? `code:${only}` : `name:${normalizeCompanyName(name)}`;
}

const jobName = (title: string | undefined) => `岗位“${title?.trim() || NO_TITLE}”`;
const quoted = (findings: Finding[]) => [...new Set(findings.map((f) => `“${f.text}”`))].slice(0, 3).join('、');

/** The problems one job's findings raise: unfixable ones first, since they decide the outcome. */
function jobProblems(r: RowResult): ExhibitorProblem[] {
  const found = r.findings.filter(counts);
  const problems: ExhibitorProblem[] = [];
  const add = (kind: ProblemKind, text: string) => problems.push({ kind, text, rows: [r.row] });
  const fees = found.filter((f) => f.category === 'fee_charging' && f.severity === 'reject');
  const frauds = found.filter((f) => f.category === 'fraud' && f.severity === 'reject');
  const suspected = found.filter((f) => UNFIXABLE.has(f.category) && f.severity === 'review');
  const wording = found.filter((f) => !UNFIXABLE.has(f.category));
  if (fees.length) add('fee', `${jobName(r.title)}要求求职者缴纳费用（${quoted(fees)}）`);
  if (frauds.length) add('fraud', `${jobName(r.title)}含有涉嫌欺诈的内容（${quoted(frauds)}）`);
  if (suspected.length) add('suspected', `${jobName(r.title)}疑似涉及收费或欺诈（${quoted(suspected)}），请核实并书面说明`);
  if (wording.length) {
    const categories = [...new Set(wording.map((f) => CATEGORY_LABELS[f.category]))].join('、');
    add('wording', `${jobName(r.title)}含有${categories}方面不符合规定的表述，请按修改建议调整`);
  }
  return problems;
}

function codeProblems(codes: Map<string, { valid: boolean | null; problem?: string }>, rows: number[]): ExhibitorProblem[] {
  if (codes.size === 0) return [{ kind: 'code_missing', text: '未填写统一社会信用代码，请补充', rows }];
  return [...codes].flatMap(([code, check]) => {
    if (check.valid !== false) return [];
    const excel = looksExcelDamaged(code);
    return [{ kind: 'code_invalid' as const, text: `统一社会信用代码 ${code} 代码校验未通过，请核对（${check.problem}）`, rows, code, excel }];
  });
}

function duplicateProblem(d: Duplicate, titleOf: (row: number) => string | undefined): ExhibitorProblem {
  if (d.kind === 'same_ad') return { kind: 'duplicate_post', text: `${jobName(titleOf(d.rows[0]!))}提交了 ${d.rows.length} 次，请只保留一条`, rows: d.rows };
  if (d.kind === 'company_two_codes') {
    return { kind: 'company_two_codes', text: `同一单位名称填写了不同的统一社会信用代码（${d.detail.split('：')[1] ?? ''}），请确认正确的代码`, rows: d.rows };
  }
  // The other names are other exhibitors': the letter does not name them.
  return { kind: 'code_two_names', text: `统一社会信用代码 ${d.detail.split('：')[0]} 也以其他单位名称提交，请说明是否为同一单位`, rows: d.rows };
}

export function outcomeOf(problems: readonly ExhibitorProblem[]): ExhibitorOutcome {
  if (problems.some((p) => p.kind === 'fraud' || p.kind === 'fee')) return 'refuse';
  return problems.length ? 'fix' : 'pass';
}

export function groupExhibitors(rows: RowResult[], errors: RowError[], duplicates: Duplicate[], finder: Pick<DuplicateFinder, 'onlyCodeOf'>): Exhibitor[] {
  const groups = new Map<string, Exhibitor>();
  const firstRow = new Map<string, number>();
  const groupOf = (key: string, row: number, name: string | undefined): Exhibitor => {
    let group = groups.get(key);
    if (!group) {
      group = { key, name: '', creditCodes: [], creditCodeValid: null, outcome: 'pass', problems: [], rows: [], errors: [] };
      groups.set(key, group);
    }
    if (!group.name && name?.trim()) group.name = name.trim();
    firstRow.set(key, Math.min(firstRow.get(key) ?? row, row));
    return group;
  };
  for (const r of rows) groupOf(groupKey(r.company, r.creditCode ?? undefined, finder), r.row, r.company).rows.push(r);
  for (const e of errors) groupOf(groupKey(e.company, e.creditCode, finder), e.row, e.company).errors.push(e);
  const byRow = new Map<number, Exhibitor>();
  for (const group of groups.values()) for (const r of [...group.rows, ...group.errors]) byRow.set(r.row, group);
  const titles = new Map<number, string | undefined>([...rows, ...errors].map((r) => [r.row, r.title]));

  for (const group of groups.values()) {
    group.name ||= NO_COMPANY;
    // Codes from bad rows count too: an exhibitor whose every row is bad still has its code checked.
    const codes = new Map<string, { valid: boolean | null; problem?: string }>();
    for (const r of group.rows) if (r.creditCode && !codes.has(r.creditCode)) codes.set(r.creditCode, { valid: r.creditCodeValid, problem: r.creditCodeProblem });
    for (const err of group.errors) if (err.creditCode && !codes.has(err.creditCode)) codes.set(err.creditCode, checkCreditCode(err.creditCode));
    group.creditCodes = [...codes.keys()];
    group.creditCodeValid = codes.size === 0 ? null : [...codes.values()].every((c) => c.valid);
    const allRows = [...group.rows, ...group.errors].map((r) => r.row).sort((a, b) => a - b);
    group.problems.push(...group.rows.flatMap(jobProblems), ...codeProblems(codes, allRows));
    for (const err of group.errors) {
      group.problems.push({ kind: 'unreadable', text: `${jobName(err.title)}的信息无法读取（${err.reason}），请补正后重新提交`, rows: [err.row] });
    }
  }
  for (const d of duplicates) {
    const involved = new Set(d.rows.map((row) => byRow.get(row)).filter((g): g is Exhibitor => !!g));
    for (const group of involved) group.problems.push(duplicateProblem(d, (row) => titles.get(row)));
  }
  for (const group of groups.values()) group.outcome = outcomeOf(group.problems);
  return [...groups.values()].sort((a, b) => firstRow.get(a.key)! - firstRow.get(b.key)!);
}

/** An exhibitor's jobs in row order, readable ones with their decision, unreadable ones with the reason. */
export function exhibitorJobs(x: Pick<Exhibitor, 'rows' | 'errors'>): ExhibitorJob[] {
  return [
    ...x.rows.map((r) => ({ row: r.row, title: r.title, decision: r.decision })),
    ...x.errors.map((e) => ({ row: e.row, title: e.title ?? '', decision: null, reason: e.reason })),
  ].sort((a, b) => a.row - b.row);
}
