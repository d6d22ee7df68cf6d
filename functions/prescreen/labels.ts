/** zh-CN wording of the prescreen's own states; categories, fields and colours are the console's. */
import type { Decision } from '../core/categories.js';
import type { DuplicateKind, ExhibitorStatus } from './types.js';

export { CATEGORY_COLOURS, CATEGORY_LABELS, FIELD_LABELS, SEVERITY_LABELS, formatTime } from '../presentation/labels.js';

export const JOB_DECISION_LABELS: Record<Decision, string> = {
  approve: '通过',
  review: '需复核',
  reject: '不通过',
};

export const EXHIBITOR_STATUS_LABELS: Record<ExhibitorStatus, string> = {
  cleared: '通过',
  review: '待复核',
  reject: '建议拒绝',
};

export const DUPLICATE_LABELS: Record<DuplicateKind, string> = {
  same_ad: '同一岗位重复发布',
  company_two_codes: '同一单位名称对应不同信用代码',
  code_two_names: '同一信用代码对应不同单位名称',
};

export function creditCodeStatus(valid: boolean | null): string {
  if (valid === null) return '未填写';
  return valid ? '有效' : '无效';
}
