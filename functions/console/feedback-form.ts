/**
 * The console's feedback forms, read into the store's FeedbackInput: 误报 posts a finding's own
 * coordinates; 标记漏报 posts the passage with the offsets the page script took from the selection, or only
 * the passage (no script), which is then looked for in the chosen field.
 */
import { fieldText, TEXT_FIELDS, type TextField } from '../core/ad.js';
import type { FeedbackInput } from '../feedback/resolve-feedback.js';
import type { AdRecord } from '../store/model.js';
import { formText, type FormBody } from './form.js';
import { isCategory } from './labels.js';
import type { PageNotice } from './views/layout.js';

/** What the ad page says after a feedback (`?fb=` on the redirect). */
export const FEEDBACK_NOTICES = {
  false_alarm: { kind: 'ok', title: '已记录误报：它会出现在“改进建议”中。' },
  missed: { kind: 'ok', title: '已记录漏报：它会出现在“改进建议”中。' },
  duplicate: { kind: 'warn', title: '这条反馈此前已记录过，没有重复保存。' },
} as const satisfies Record<string, PageNotice>;

const integer = (value: string): number | undefined => (/^\d{1,7}$/.test(value) ? Number(value) : undefined);

export function feedbackForm(form: FormBody, ad: Pick<AdRecord, 'ad' | 'version'>): FeedbackInput | { problem: string } {
  const version = integer(formText(form, 'version'));
  if (version !== ad.version) return { problem: '广告已有新版本：请在新版本上重新反馈。' };
  const field = formText(form, 'field');
  const start = integer(formText(form, 'start'));
  const end = integer(formText(form, 'end'));
  if (formText(form, 'kind') === 'false_alarm') {
    const ruleId = formText(form, 'ruleId');
    if (!ruleId || start === undefined || end === undefined) return { problem: '无效的误报请求。' };
    return { kind: 'false_alarm', version, ruleId, field, start, end };
  }
  const category = formText(form, 'category');
  if (!isCategory(category)) return { problem: '请选择漏报的类别。' };
  if (!(TEXT_FIELDS as readonly string[]).includes(field)) return { problem: '请选择字段。' };
  const text = fieldText(ad.ad, field as TextField) ?? '';
  // The passage as posted (a selection keeps its spaces and line breaks, so it is not trimmed here).
  const raw = form.passage;
  const passage = typeof raw === 'string' ? raw : '';
  if (!formText(form, 'passage')) return { problem: '请在原文中选中漏报的文字，或把它填入文本框。' };
  if (start !== undefined && end !== undefined && text.slice(start, end) === passage) return { kind: 'missed', version, category, field, start, end };
  const at = text.indexOf(passage.trim());
  if (at < 0) return { problem: '在所选字段中找不到这段文字：请直接在原文中选中它。' };
  return { kind: 'missed', version, category, field, start: at, end: at + passage.trim().length };
}
