/**
 * Maps a spreadsheet's header row to the ad fields the prescreen reads. Exhibitor spreadsheets come from
 * many templates, so headers are matched loosely (case, width, spaces, "*" marks, units in brackets)
 * and the organizer can override any column with `--map 列名=field`.
 */
import { PrescreenInputError } from './errors.js';

export const PRESCREEN_FIELDS = [
  'company', 'creditCode', 'title', 'description', 'salary', 'location', 'contact',
  // A fair template's condition and posting columns: read into the ad's structured fields (row-ad.ts).
  'gender', 'age', 'education', 'hukou', 'headcount', 'validUntil', 'companyIntro',
] as const;
export type PrescreenField = (typeof PRESCREEN_FIELDS)[number];
/** `ignore` drops a column that the aliases would otherwise pick up. */
export type ColumnTarget = PrescreenField | 'ignore';

/** Several columns of these fields are joined (a template may split 岗位职责 and 任职要求). */
const JOINED: ReadonlySet<PrescreenField> = new Set(['description', 'contact']);

/**
 * Aliases per field, compared after `normalizeHeader`. The description takes every other requirement-like
 * column (专业要求, 身高要求), labelled with the header so it reads as a sentence; 性别要求, 年龄要求, 学历要求
 * and 户籍要求 become the ad's structured conditions, which the engine reads like a posting form's.
 */
const ALIASES: Record<PrescreenField, readonly string[]> = {
  company: ['单位名称', '企业名称', '公司名称', '用人单位', '招聘单位', '单位全称', '企业全称', '公司全称', '单位', '企业', '公司', 'company', 'companyname', 'employer', 'organization'],
  creditCode: ['统一社会信用代码', '社会信用代码', '统一信用代码', '信用代码', '营业执照号', '营业执照号码', 'creditcode', 'companycreditcode', 'uscc', 'unifiedsocialcreditcode'],
  title: ['岗位名称', '职位名称', '招聘岗位', '招聘职位', '岗位', '职位', 'title', 'jobtitle', 'position', 'job'],
  description: [
    '岗位职责', '职位描述', '岗位描述', '任职要求', '岗位要求', '职位要求', '任职资格', '工作职责', '工作内容',
    '岗位介绍', '职位详情', '招聘要求', '招聘条件', '应聘条件', '专业要求', '专业', '身高要求', '其他要求', '福利', '福利待遇', '备注',
    'description', 'jobdescription', 'requirements', 'responsibilities', 'duties', 'benefits', 'remarks', 'notes',
  ],
  salary: ['薪资', '薪酬', '待遇', '薪资待遇', '薪酬待遇', '工资', '月薪', '年薪', '薪资范围', 'salary', 'pay', 'compensation', 'wage'],
  location: ['工作地点', '工作城市', '工作地址', '工作地区', '地点', '城市', 'location', 'city', 'worklocation'],
  gender: ['性别要求', '性别', 'gender', 'conditions.gender'],
  age: ['年龄要求', '年龄', '年龄范围', 'age'],
  education: ['学历要求', '学历', '最低学历', 'education', 'conditions.education'],
  hukou: ['户籍要求', '户籍', '户口要求', '户口', 'hukou', 'conditions.hukou'],
  headcount: ['招聘人数', '需求人数', '人数', '招聘名额', '名额', 'headcount'],
  validUntil: ['截止日期', '截止时间', '有效期', '有效期至', '报名截止', '招聘截止日期', '截止', 'validuntil', 'deadline'],
  companyIntro: ['单位简介', '公司简介', '企业简介', '单位介绍', '公司介绍', 'companyintro', 'company.intro'],
  contact: ['联系方式', '联系电话', '联系人', '电话', '手机', '邮箱', '电子邮箱', '简历投递', '投递邮箱', '投递方式', 'contact', 'email', 'phone', 'tel'],
};

/** Columns that contain an alias but are not the ad ("单位地址" is not the company, "岗位类别" not the title). */
const NOT_THE_AD = [
  '序号', '编号', '单位地址', '公司地址', '企业地址', '单位性质', '企业性质', '公司性质',
  '所属行业', '行业', '岗位类别', '岗位类型', '职位类别', '职位类型', '单位规模', '公司规模',
];

/** The fields a header row must provide (company may come from the name or the credit code). */
export const REQUIRED: readonly (PrescreenField | readonly PrescreenField[])[] = [['company', 'creditCode'], 'title', 'description'];

/** Case, width and decoration insensitive: "岗位名称*", "Job Title", "薪资（元/月）" → "岗位名称", "jobtitle", "薪资". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*:：_\-/.、]/g, '')
    .toLowerCase();
}

const EXACT = new Map<string, ColumnTarget>();
for (const field of PRESCREEN_FIELDS) for (const alias of ALIASES[field]) EXACT.set(normalizeHeader(alias), field);
for (const header of NOT_THE_AD) EXACT.set(normalizeHeader(header), 'ignore');
/** Longest first, so "福利待遇" is found before "待遇" inside a header like "福利待遇说明". */
const BY_LENGTH = [...EXACT.entries()].filter(([alias]) => alias.length >= 2).sort((a, b) => b[0].length - a[0].length);

interface HeaderMatch {
  target: ColumnTarget;
  exact: boolean;
}

/** The field a header names, by exact alias, else by the longest alias it contains ("招聘岗位名称"). */
export function matchHeader(header: string): HeaderMatch | undefined {
  const key = normalizeHeader(header);
  if (!key) return undefined;
  const exact = EXACT.get(key);
  if (exact) return { target: exact, exact: true };
  // Latin aliases only match whole headers: "pay" must not match "payment terms".
  const target = BY_LENGTH.find(([alias]) => /[^\x00-\x7f]/.test(alias) && key.includes(alias))?.[1];
  return target ? { target, exact: false } : undefined;
}

export interface ColumnPlan {
  columns: { index: number; header: string; field: PrescreenField }[];
  ignored: string[];
  /** Required fields no column provides, as the message names them. */
  missing: string[];
}

/** Column reference in `--map`: a header, a column letter (C, AA) or a 1-based column number. */
function overrideIndex(ref: string, headers: readonly string[]): number | undefined {
  const key = normalizeHeader(ref);
  const byHeader = headers.findIndex((h) => normalizeHeader(h) === key && key !== '');
  if (byHeader >= 0) return byHeader;
  if (/^[A-Za-z]{1,2}$/.test(ref)) {
    return [...ref.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  }
  if (/^\d{1,3}$/.test(ref) && Number(ref) >= 1) return Number(ref) - 1;
  return undefined;
}

export function planColumns(headers: readonly string[], overrides: ReadonlyMap<string, ColumnTarget> = new Map()): ColumnPlan {
  const matches = headers.map(matchHeader);
  for (const [ref, target] of overrides) {
    const index = overrideIndex(ref, headers);
    // An override counts as exact: it wins over any alias match for the same field.
    if (index !== undefined && index < headers.length) matches[index] = { target, exact: true };
  }
  // A single-column field takes its first exact match, else its first contained match.
  const chosen = new Map<PrescreenField, number>();
  for (const pass of [true, false]) {
    matches.forEach((m, index) => {
      if (m && m.target !== 'ignore' && m.exact === pass && !JOINED.has(m.target) && !chosen.has(m.target)) chosen.set(m.target, index);
    });
  }
  const columns: ColumnPlan['columns'] = [];
  const ignored: string[] = [];
  const taken = new Set<PrescreenField>();
  matches.forEach((m, index) => {
    const header = (headers[index] ?? '').trim();
    const target = m?.target;
    if (!target || target === 'ignore' || (!JOINED.has(target) && chosen.get(target) !== index)) {
      if (header) ignored.push(header);
      return;
    }
    taken.add(target);
    columns.push({ index, header, field: target });
  });
  const missing = REQUIRED.filter((r) => (typeof r === 'string' ? !taken.has(r) : !r.some((f) => taken.has(f)))).map((r) =>
    typeof r === 'string' ? r : r.join(' or '),
  );
  return { columns, ignored, missing };
}

/** The "fields it needs" part of the unknown-layout message, with the usual Chinese headers. */
export function describeRequired(): string {
  const example = (f: PrescreenField) => `${f} (${ALIASES[f].slice(0, 3).join('/')})`;
  return REQUIRED.map((r) => (typeof r === 'string' ? example(r) : r.map(example).join(' or '))).join(', ');
}

/** Parses a `--map` value `列名=field`; the column may itself contain "=" only before the last one. */
export function parseMapOption(value: string): [string, ColumnTarget] {
  const at = value.lastIndexOf('=');
  const ref = value.slice(0, at).trim();
  const target = value.slice(at + 1).trim();
  if (at <= 0 || !ref) throw new PrescreenInputError(`--map expects 列名=field, got "${value}"`);
  const field = [...PRESCREEN_FIELDS, 'ignore'].find((f) => f.toLowerCase() === target.toLowerCase()) as ColumnTarget | undefined;
  if (!field) throw new PrescreenInputError(`--map ${value}: unknown field "${target}"; fields: ${PRESCREEN_FIELDS.join(', ')}, ignore`);
  return [ref, field];
}
