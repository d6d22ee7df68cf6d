/**
 * A fair template's condition and posting cells → the ad's structured fields. A cell this cannot read as a
 * value (年龄要求：身体健康即可, 招聘人数：若干) goes into the description as a labelled line, so the engine
 * still reads it as text and nothing the exhibitor wrote is lost.
 */
import type { Ad } from '../core/ad.js';
import { parsePay } from '../core/salary/parse-pay.js';
import type { InputRow } from './types.js';

type Structured = Pick<Ad, 'conditions' | 'headcount' | 'pay' | 'validUntil'> & { lines: string[] };

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** 18-35岁, 18～35周岁, 35岁以下, 35周岁及以下, 18岁以上, 不限. */
export function parseAge(text: string): { ageMin?: number; ageMax?: number } | undefined {
  const t = fold(text);
  if (/^(?:不限|无|无要求|年龄不限)$/.test(t)) return {};
  let m = /^(\d{1,2})(?:周?岁)?[-~～至到—–]+(\d{1,2})周?岁?$/.exec(t);
  if (m) return Number(m[1]) <= Number(m[2]) ? { ageMin: Number(m[1]), ageMax: Number(m[2]) } : undefined;
  m = /^(\d{1,2})周?岁?(?:\(含\))?(?:及|或)?(以下|以内|以上)$/.exec(t);
  if (m) return m[2] === '以上' ? { ageMin: Number(m[1]) } : { ageMax: Number(m[1]) };
  return undefined;
}

/** 3, 3人, 3名. */
export function parseHeadcount(text: string): number | undefined {
  const m = /^(\d{1,5})(?:人|名|位)?$/.exec(fold(text));
  return m && Number(m[1]) > 0 ? Number(m[1]) : undefined;
}

/** A pay cell read by the engine's pay parser, with the column's name as its keyword (月薪, 年薪, 日薪). */
export function parsePayCell(text: string, header = '薪资'): Ad['pay'] | undefined {
  const keyword = /年薪|日薪|时薪|周薪/.exec(header)?.[0] ?? '月薪';
  const [mention] = parsePay(fold(`${keyword}${text}`).toLowerCase());
  if (!mention) return undefined;
  // The parser says what a month comes to; the form keeps the period the exhibitor wrote.
  const unit = mention.period === 'week' ? 'month' : mention.period;
  const perMonth = { hour: 8 * 22, day: 22, month: 1, year: 1 / 12 }[unit];
  const round = (n: number) => Math.round(n / perMonth);
  return { min: round(mention.monthlyMin), max: round(mention.monthlyMax), unit };
}

/** 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日, or an Excel date serial (46295). */
export function parseDate(text: string): string | undefined {
  const t = fold(text);
  if (/^\d{5}$/.test(t)) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000);
    return date.getUTCFullYear() >= 2000 && date.getUTCFullYear() < 2100 ? date.toISOString().slice(0, 10) : undefined;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}

export function structuredCells({ fields, headers = {} }: InputRow): Structured {
  const out: Structured = { lines: [] };
  const conditions: NonNullable<Ad['conditions']> = {};
  const unread = (field: keyof InputRow['fields'], label: string) => out.lines.push(`${headers[field] ?? label}：${fields[field]}`);
  if (fields.gender) conditions.gender = fields.gender;
  if (fields.education) conditions.education = fields.education;
  if (fields.hukou) conditions.hukou = fields.hukou;
  if (fields.age) {
    const age = parseAge(fields.age);
    if (age) Object.assign(conditions, age);
    else unread('age', '年龄要求');
  }
  if (Object.keys(conditions).length) out.conditions = conditions;
  if (fields.headcount) {
    const headcount = parseHeadcount(fields.headcount);
    if (headcount !== undefined) out.headcount = headcount;
    else unread('headcount', '招聘人数');
  }
  if (fields.salary) {
    const pay = parsePayCell(fields.salary, headers.salary);
    if (pay) out.pay = pay;
  }
  if (fields.validUntil) {
    const date = parseDate(fields.validUntil);
    if (date) out.validUntil = date;
  }
  return out;
}
