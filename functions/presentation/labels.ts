/**
 * How the engine's stable ids read to people: category names and colours, severities and field names in
 * Chinese. The console and the prescreen report both import them from here, so a category looks the same
 * in the moderator's queue and in a career centre's printed letter.
 */
import type { Category, Severity } from '../core/categories.js';

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
 * One colour per category: highlight background, legend swatch, chart bar. Chosen so that every pair is
 * far apart in CIELAB (ΔE ≥ 20), each is visibly tinted against white, and the text colour (#1f2328) on it
 * keeps a contrast of at least 7:1 (WCAG AAA); tests/presentation/colours.test.ts checks all three.
 * Warm for fraud and fees, grey for the notice-only `incomplete`.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  fraud: '#ffa0a0',
  fee_charging: '#e0a060',
  gender: '#c8a0f8',
  marriage_pregnancy: '#f890c8',
  ethnicity: '#b0b858',
  religion: '#28c8a0',
  region: '#30b8f8',
  health: '#80c070',
  age: '#48e8f8',
  appearance: '#f8c8f0',
  school_tier: '#a0b0e0',
  salary_promise: '#f0d0a8',
  labor_rights: '#b8e0b0',
  incomplete: '#c8ccd0',
};

/** The text colour every highlight is read in (the console's and the report's foreground). */
export const TEXT_COLOUR = '#1f2328';

export const SEVERITY_LABELS: Record<Severity, string> = { reject: '违规', review: '存疑', notice: '提示' };

/** Field names as in Verdict findings (`company.name`, `conditions.ageMax`), in the order the ad page shows them. */
export const FIELD_LABELS: Record<string, string> = {
  'company.name': '公司名称',
  title: '职位名称',
  salary: '薪资',
  location: '工作地点',
  description: '职位描述',
  requirements: '任职要求',
  benefits: '福利待遇',
  contact: '联系方式',
  'company.intro': '公司介绍',
  'conditions.gender': '性别要求',
  'conditions.ageMin': '最低年龄',
  'conditions.ageMax': '最高年龄',
  'conditions.education': '学历要求',
  'conditions.hukou': '户籍要求',
  'conditions.experience': '经验要求',
  headcount: '招聘人数',
  pay: '薪资范围',
  validUntil: '有效期至',
  ad: '整则广告',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** Shanghai wall-clock time, the time zone the users work in, whatever the server's zone. */
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
