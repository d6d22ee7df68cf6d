/**
 * zh-CN wording of the console's own states (decisions, statuses, waiting times). Category, severity and
 * field names and the category colours are shared with the prescreen report: functions/presentation/labels.ts.
 */
import type { Category, Decision } from '../core/categories.js';
import { CATEGORY_LABELS } from '../presentation/labels.js';
import type { AdStatus, ReviewDecision } from '../store/model.js';

/** The engine's decision, as shown next to a verdict. */
export const ENGINE_DECISION_LABELS: Record<Decision, string> = {
  approve: '自动通过',
  review: '需人工审核',
  reject: '自动驳回',
};

/** A moderator's decision. */
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  approve: '已通过',
  reject: '已驳回',
};

/** What a re-check under new rules found, in the words of the queue. */
export function describeRecheck(note: { from: Decision; to: Decision; lexiconVersion: string }): string {
  return `新规则（词库 ${note.lexiconVersion}）重新检查：引擎由「${ENGINE_DECISION_LABELS[note.from]}」改为「${ENGINE_DECISION_LABELS[note.to]}」`;
}

/** Reasons a moderator picks with one click when rejecting; free text remains possible. */
export const COMMON_REJECT_REASONS = [
  '含就业歧视性条件（性别、年龄、户籍、民族等）',
  '涉及向求职者收费',
  '薪资承诺不实或夸大',
  '疑似欺诈或虚假招聘',
  '违反劳动法规定（工时、社保、试用期等）',
  '信息不完整或与岗位无关',
] as const;

/** "3 分钟" / "5 小时" / "2 天": how long an ad has waited, coarse on purpose. */
export function formatAge(fromIso: string, now: Date = new Date()): string {
  const ms = Math.max(0, now.getTime() - Date.parse(fromIso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '不到 1 分钟';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}

/**
 * Gravity order for "worst category" in the queue. Queued ads carry only review-severity findings (any
 * reject-severity finding rejects the ad outright), so severity cannot rank them: this order puts
 * likely fraud and fees first, then discrimination on protected grounds, then the softer signals.
 */
export const CATEGORY_GRAVITY: readonly Category[] = [
  'fraud',
  'fee_charging',
  'ethnicity',
  'religion',
  'gender',
  'marriage_pregnancy',
  'health',
  'region',
  'age',
  'labor_rights',
  'appearance',
  'school_tier',
  'salary_promise',
  'incomplete',
];

/** The gravest of the categories an ad hit, or undefined when it hit none the console knows. */
export function worstCategory(categories: readonly string[]): Category | undefined {
  return CATEGORY_GRAVITY.find((c) => categories.includes(c));
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && value in CATEGORY_LABELS;
}

export const STATUS_LABELS: Record<AdStatus, string> = {
  pending_review: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};
