/**
 * The elements every posting must state (《人力资源市场暂行条例》第二十四条; the 2026 notice on online job
 * postings): stable ids and how an incomplete finding names them to a reader.
 */
export const ELEMENTS = ['company', 'headcount', 'conditions', 'duties', 'location', 'pay'] as const;
export type Element = (typeof ELEMENTS)[number] | 'validUntil';

export const ELEMENT_NAMES: Record<string, string> = {
  company: '用人单位基本情况',
  headcount: '招聘人数',
  conditions: '招聘条件',
  duties: '工作内容',
  location: '工作地点',
  pay: '基本劳动报酬',
  validUntil: '有效期',
};
