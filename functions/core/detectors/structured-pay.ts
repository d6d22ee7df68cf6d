/**
 * Text that promises more than the posting form's pay range (正文“月入过万”，薪资字段5000元封顶): the text's
 * pay, read by the pay parser, against the form's highest pay, both per month. The finding is on the text and
 * its note names the form's figure, so a reader sees both places.
 */
import { z } from 'zod';
import { MONTHLY } from '../salary/parse-pay.js';
import type { Detector, DetectorHit } from './types.js';

const ParamsSchema = z.object({
  /** The text's lowest figure must pass the form's highest by this factor (bonuses and overtime stay lawful). */
  ratio: z.number().min(1),
});

const UNIT_NAMES = { hour: '时薪', day: '日薪', month: '月薪', year: '年薪' } as const;

export const structuredPayDetector: Detector = (ctx, raw) => {
  const pay = ctx.ad.pay;
  if (pay?.max === undefined) return [];
  const { ratio } = ParamsSchema.parse(raw);
  // 13薪: a year's pay spread over twelve months.
  const formMonthly = pay.unit === 'year' ? pay.max / 12 : pay.max * MONTHLY[pay.unit] * (pay.months ?? 12) / 12;
  const hits: DetectorHit[] = [];
  for (const a of ctx.fields) {
    for (const mention of a.payMentions()) {
      if (mention.monthlyMin > formMonthly * ratio) {
        hits.push({ field: a.field, start: mention.start, end: mention.end, note: `薪资字段：${UNIT_NAMES[pay.unit]}最高${pay.max}元` });
      }
    }
  }
  return hits;
};
