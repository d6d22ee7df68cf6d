/**
 * zh-CN wording of the prescreen's own states, one term per meaning: a job is 通过 / 需复核 / 不通过, an
 * exhibitor 通过 / 需整改 / 不予参展. Category, severity and field names and the colours come from the
 * presentation module the console shares.
 */
import type { Decision } from '../core/categories.js';
import type { PrescreenField } from './header-map.js';
import type { DuplicateKind, ExhibitorOutcome } from './types.js';

export { CATEGORY_COLOURS, CATEGORY_LABELS, fieldLabel, SEVERITY_LABELS, formatTime } from '../presentation/labels.js';

export const JOB_DECISION_LABELS: Record<Decision, string> = {
  approve: '通过',
  review: '需复核',
  reject: '不通过',
};

export const OUTCOME_LABELS: Record<ExhibitorOutcome, string> = {
  pass: '通过',
  fix: '需整改',
  refuse: '不予参展',
};

export const DUPLICATE_LABELS: Record<DuplicateKind, string> = {
  same_ad: '同一岗位重复提交',
  company_two_codes: '同一单位名称对应不同信用代码',
  code_two_names: '同一信用代码对应不同单位名称',
};

/** The spreadsheet's columns as the organiser knows them (the summary never shows internal field names). */
export const PRESCREEN_FIELD_LABELS: Record<PrescreenField, string> = {
  company: '单位名称',
  creditCode: '统一社会信用代码',
  title: '岗位名称',
  description: '岗位描述',
  salary: '薪资',
  location: '工作地点',
  contact: '联系方式',
  gender: '性别要求',
  age: '年龄要求',
  education: '学历要求',
  hukou: '户籍要求',
  headcount: '招聘人数',
  validUntil: '截止日期',
  companyIntro: '单位简介',
};

export function creditCodeStatus(valid: boolean | null): string {
  if (valid === null) return '未填写';
  return valid ? '有效' : '校验未通过';
}

/** 2026-03-15 → 2026年3月15日 */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** What to do about a code Excel has damaged: it cannot be repaired from the sheet, only typed again. */
export const EXCEL_HINT = '该代码像是被 Excel 当作数字处理过（科学计数法或末几位变成 0）：请把该列单元格格式设为“文本”，再重新填写完整的 18 位代码。';
