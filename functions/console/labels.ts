/** zh-CN labels and colours the console shows for the engine's stable ids (categories, decisions, fields). */
import type { Category, Decision, Severity } from '../core/categories.js';
import type { AdStatus, ReviewDecision } from '../store/model.js';

/** Typed as a full Record so a new category fails the typecheck until it has a label. */
export const CATEGORY_LABELS: Record<Category, string> = {
  gender: '性别',
  marriage_pregnancy: '婚育',
  ethnicity: '民族',
  religion: '宗教',
  region: '地域/户籍',
  health: '健康',
  age: '年龄',
  appearance: '外貌',
  school_tier: '院校层次',
  salary_promise: '薪资承诺',
  fee_charging: '收费',
  fraud: '欺诈',
  labor_rights: '劳动权益',
  incomplete: '要素不全',
};

/**
 * One colour per category, used for the highlight background, the legend swatch and the chart bar.
 * Light enough that black text on it stays readable (contrast checked against #1f2328).
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  gender: '#ffb3ba',
  marriage_pregnancy: '#ffd6a5',
  ethnicity: '#fdffb6',
  religion: '#caffbf',
  region: '#9bf6ff',
  health: '#a0c4ff',
  age: '#bdb2ff',
  appearance: '#ffc6ff',
  school_tier: '#d0f4de',
  salary_promise: '#f1c0e8',
  fee_charging: '#fbc4ab',
  fraud: '#ff9b85',
  labor_rights: '#cfbaf0',
  incomplete: '#e2e2e2',
};

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

export const SEVERITY_LABELS: Record<Severity, string> = { reject: '违规', review: '存疑', notice: '提示' };

/** Field names as in Verdict findings (`company.name` included), in the order the ad page shows them. */
export const FIELD_LABELS: Record<string, string> = {
  'company.name': '公司名称',
  title: '职位名称',
  salary: '薪资',
  location: '工作地点',
  description: '职位描述',
  requirements: '任职要求',
  benefits: '福利待遇',
  contact: '联系方式',
};

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
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}

/** Shanghai wall-clock time, the time zone the moderators work in, whatever the server's zone. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
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
