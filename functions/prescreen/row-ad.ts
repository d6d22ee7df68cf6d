/** Turns a mapped row into the engine's Ad, or into the reason it is a bad row (in Chinese, for the report). */
import { CheckAdSchema, FIELD_LIMITS, type Ad } from '../core/ad.js';
import { structuredCells } from './structured-cells.js';
import type { InputRow } from './types.js';

const LABELS: Record<string, string> = {
  title: '岗位名称',
  description: '岗位描述',
  salary: '薪资',
  location: '工作地点',
  contact: '联系方式',
  'company.name': '单位名称',
  'company.creditCode': '统一社会信用代码',
  'company.intro': '单位简介',
  'conditions.gender': '性别要求',
  'conditions.education': '学历要求',
  'conditions.hukou': '户籍要求',
};

const LIMITS: Record<string, number> = {
  title: FIELD_LIMITS.title,
  description: FIELD_LIMITS.description,
  salary: FIELD_LIMITS.salary,
  location: FIELD_LIMITS.location,
  contact: FIELD_LIMITS.contact,
  'company.name': FIELD_LIMITS.companyName,
  'company.intro': FIELD_LIMITS.companyIntro,
  'conditions.gender': FIELD_LIMITS.condition,
  'conditions.education': FIELD_LIMITS.condition,
  'conditions.hukou': FIELD_LIMITS.condition,
};

export type RowAd = { ad: Ad } | { reason: string };

/** `creditCode` is the normalised code; the engine gets it only if it fits the Ad schema (it is reported either way). */
export function rowAd(input: InputRow, creditCode: string | undefined): RowAd {
  if (input.problems.length) return { reason: input.problems.join('；') };
  const { title, description, salary, location, contact, company, companyIntro } = input.fields;
  if (!description) return { reason: '岗位描述为空' };
  const { lines, ...structured } = structuredCells(input);
  // Exported sheets often have no job title: the row is still checked.
  const ad: Ad = { description: [description, ...lines].join('\n'), ...structured };
  if (title) ad.title = title;
  if (salary) ad.salary = salary;
  if (location) ad.location = location;
  if (contact) ad.contact = contact;
  if (company || creditCode || companyIntro) {
    ad.company = {};
    if (company) ad.company.name = company;
    if (companyIntro) ad.company.intro = companyIntro;
    if (creditCode && creditCode.length <= 32) ad.company.creditCode = creditCode;
  }
  const parsed = CheckAdSchema.safeParse(ad);
  if (parsed.success) return { ad: parsed.data };
  const reasons = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const label = LABELS[path] ?? path;
    const limit = LIMITS[path];
    const value: unknown = issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], ad);
    const length = typeof value === 'string' ? `（实为 ${value.length} 字）` : '';
    return issue.code === 'too_big' && limit ? `${label}超过 ${limit} 字的上限${length}` : `${label}：${issue.message}`;
  });
  return { reason: reasons.join('；') };
}
