/**
 * Groups a batch's jobs by exhibitor (credit code, else name) and decides what the centre does with
 * each exhibitor: cleared, to review, or to reject.
 */
import { checkCreditCode } from './credit-code.js';
import { normalizeCompanyName, type DuplicateFinder } from './duplicates.js';
import type { Duplicate, Exhibitor, ExhibitorStatus, RowError, RowResult } from './types.js';

const NO_COMPANY = '（未填写单位名称）';

function groupKey(name: string | undefined, code: string | undefined, finder: DuplicateFinder): string {
  if (code) return `code:${code}`;
  if (!name?.trim()) return 'none';
  const only = finder.onlyCodeOf(name);
  return only ? `code:${only}` : `name:${normalizeCompanyName(name)}`;
}

function worst(statuses: ExhibitorStatus[]): ExhibitorStatus {
  if (statuses.includes('reject')) return 'reject';
  return statuses.includes('review') ? 'review' : 'cleared';
}

export function groupExhibitors(rows: RowResult[], errors: RowError[], duplicates: Duplicate[], finder: DuplicateFinder): Exhibitor[] {
  const groups = new Map<string, Exhibitor>();
  const firstRow = new Map<string, number>();
  const groupOf = (key: string, row: number, name: string | undefined): Exhibitor => {
    let group = groups.get(key);
    if (!group) {
      group = { key, name: '', creditCodes: [], creditCodeValid: null, status: 'cleared', notes: [], rows: [], errors: [] };
      groups.set(key, group);
    }
    if (!group.name && name?.trim()) group.name = name.trim();
    firstRow.set(key, Math.min(firstRow.get(key) ?? row, row));
    return group;
  };
  for (const r of rows) {
    const group = groupOf(groupKey(r.company, r.creditCode ?? undefined, finder), r.row, r.company);
    group.rows.push(r);
  }
  for (const e of errors) {
    const group = groupOf(groupKey(e.company, e.creditCode, finder), e.row, e.company);
    group.errors.push(e);
  }
  const byRow = new Map<number, Exhibitor>();
  for (const group of groups.values()) for (const r of [...group.rows, ...group.errors]) byRow.set(r.row, group);

  for (const group of groups.values()) {
    group.name ||= NO_COMPANY;
    // Codes from bad rows count too: an exhibitor whose every row is bad still has its code checked.
    const codes = new Map<string, Pick<RowResult, 'creditCodeValid' | 'creditCodeProblem'>>();
    for (const r of group.rows) if (r.creditCode && !codes.has(r.creditCode)) codes.set(r.creditCode, r);
    for (const err of group.errors) {
      if (err.creditCode && !codes.has(err.creditCode)) {
        const check = checkCreditCode(err.creditCode);
        codes.set(err.creditCode, { creditCodeValid: check.valid, creditCodeProblem: check.problem });
      }
    }
    group.creditCodes = [...codes.keys()];
    const statuses: ExhibitorStatus[] = group.rows.map((r) => (r.decision === 'approve' ? 'cleared' : r.decision));
    if (codes.size === 0) group.notes.push('未填写统一社会信用代码');
    for (const [code, r] of codes) if (r.creditCodeValid === false) group.notes.push(`统一社会信用代码 ${code} 无效：${r.creditCodeProblem}`);
    group.creditCodeValid = codes.size === 0 ? null : [...codes.values()].every((r) => r.creditCodeValid);
    if (group.creditCodeValid !== true) statuses.push('review');
    if (group.errors.length) {
      group.notes.push(`${group.errors.length} 行数据无法检查（见下文），请单位补正后重新提交`);
      statuses.push('review');
    }
    group.status = worst(statuses);
  }
  for (const d of duplicates) {
    const involved = new Set(d.rows.map((row) => byRow.get(row)).filter((g): g is Exhibitor => !!g));
    for (const group of involved) {
      if (d.kind === 'same_ad') group.notes.push(`第 ${d.rows.join('、')} 行是同一岗位的重复发布`);
      if (d.kind === 'company_two_codes') group.notes.push(`同一单位名称使用了不同的信用代码（${d.detail}），涉及第 ${d.rows.join('、')} 行`);
      if (d.kind === 'code_two_names') group.notes.push(`同一信用代码对应不同的单位名称（${d.detail}），涉及第 ${d.rows.join('、')} 行，请核实是否借用执照`);
      if (d.kind !== 'same_ad') group.status = worst([group.status, 'review']);
    }
  }
  return [...groups.values()].sort((a, b) => firstRow.get(a.key)! - firstRow.get(b.key)!);
}
