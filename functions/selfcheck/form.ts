/**
 * The self-check form as posted: a title and a description, within the page's own limits (a public page checks
 * one ad of ordinary length at a time; the API takes up to 20,000 characters).
 */
import { FIELD_LIMITS, hasVisibleText } from '../core/ad.js';
import type { FormBody } from '../console/form.js';
import { wellFormed } from '../http/text.js';

export const SELF_CHECK_LIMITS = { title: FIELD_LIMITS.title, description: 5000, bodyBytes: 64 * 1024 } as const;

export interface SelfCheckForm {
  title: string;
  description: string;
}

/** One problem with the form: the field, what an API client reads, and what the page says. */
export interface FormProblem {
  field: 'title' | 'description';
  message: string;
  text: string;
}

/**
 * A posted text field as typed, with the CRLF line breaks a browser sends for a textarea made plain `\n` (the
 * offsets of findings index this text); a file or a missing field reads as ''.
 */
const textOf = (form: FormBody, name: string) => {
  const v = form[name];
  return typeof v === 'string' ? wellFormed(v).replace(/\r\n?/g, '\n') : '';
};

export function readSelfCheckForm(body: FormBody): { form: SelfCheckForm; problems: FormProblem[] } {
  const form = { title: textOf(body, 'title'), description: textOf(body, 'description') };
  const problems: FormProblem[] = [];
  if (form.title.length > SELF_CHECK_LIMITS.title) {
    problems.push({ field: 'title', message: `at most ${SELF_CHECK_LIMITS.title} characters`, text: `职位名称最多 ${SELF_CHECK_LIMITS.title} 个字。` });
  }
  if (!hasVisibleText(form.description)) problems.push({ field: 'description', message: 'must not be empty', text: '请填写职位描述。' });
  else if (form.description.length > SELF_CHECK_LIMITS.description) {
    problems.push({
      field: 'description',
      message: `at most ${SELF_CHECK_LIMITS.description} characters`,
      text: `职位描述最多 ${SELF_CHECK_LIMITS.description} 个字（现为 ${form.description.length} 个字）。`,
    });
  }
  return { form, problems };
}
