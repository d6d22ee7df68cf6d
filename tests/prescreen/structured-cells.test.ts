import { describe, expect, it } from 'vitest';
import { parseAge, parseDate, parseHeadcount, parsePayCell, structuredCells } from '../../functions/prescreen/structured-cells.js';

describe('structured cells', () => {
  it('reads ages as a fair template writes them', () => {
    expect(parseAge('18-35岁')).toEqual({ ageMin: 18, ageMax: 35 });
    expect(parseAge('18～35 周岁')).toEqual({ ageMin: 18, ageMax: 35 });
    expect(parseAge('35周岁及以下')).toEqual({ ageMax: 35 });
    expect(parseAge('18岁以上')).toEqual({ ageMin: 18 });
    expect(parseAge('不限')).toEqual({});
    expect(parseAge('身体健康即可')).toBeUndefined();
    expect(parseAge('35-18岁')).toBeUndefined();
  });

  it('reads a headcount only when it is a number', () => {
    expect(parseHeadcount('3')).toBe(3);
    expect(parseHeadcount('12 人')).toBe(12);
    expect(parseHeadcount('若干')).toBeUndefined();
    expect(parseHeadcount('0')).toBeUndefined();
  });

  it('reads pay with the engine\'s parser, in the period the column names', () => {
    expect(parsePayCell('4000-6000', '月薪')).toEqual({ min: 4000, max: 6000, unit: 'month' });
    expect(parsePayCell('4k-6k')).toEqual({ min: 4000, max: 6000, unit: 'month' });
    expect(parsePayCell('20-30万', '年薪')).toEqual({ min: 200000, max: 300000, unit: 'year' });
    expect(parsePayCell('200元/天')).toEqual({ min: 200, max: 200, unit: 'day' });
    expect(parsePayCell('面议')).toBeUndefined();
  });

  it('reads dates in the usual forms and as Excel serials, and refuses dates that do not exist', () => {
    expect(parseDate('2026-09-30')).toBe('2026-09-30');
    expect(parseDate('2026/9/3')).toBe('2026-09-03');
    expect(parseDate('2026年9月30日')).toBe('2026-09-30');
    expect(parseDate('46295')).toBe('2026-09-30');
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('长期有效')).toBeUndefined();
  });

  it('keeps a cell it cannot read as a labelled line of the description', () => {
    const out = structuredCells({ row: 2, problems: [], fields: { gender: '男', age: '身体健康即可', headcount: '若干', salary: '5000-7000' }, headers: { age: '年龄要求', headcount: '招聘人数', salary: '月薪' } });
    expect(out).toEqual({ conditions: { gender: '男' }, pay: { min: 5000, max: 7000, unit: 'month' }, lines: ['年龄要求：身体健康即可', '招聘人数：若干'] });
  });
});
