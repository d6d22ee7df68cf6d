/**
 * Reading the console's posted forms. A body that cannot be read as a form (multipart without a boundary,
 * a truncated part) is the sender's mistake: MalformedFormError, which the console answers with a 400 page.
 */
import type { Context } from 'hono';
import { hasVisibleText } from '../core/ad.js';
import { wellFormed } from '../http/text.js';

export type FormBody = Record<string, unknown>;

export class MalformedFormError extends Error {
  override readonly name = 'MalformedFormError';
}

/** The posted form (parsed once per request: Hono caches it for later readers such as the CSRF check). */
export async function readForm(c: Context): Promise<FormBody> {
  try {
    return await c.req.parseBody();
  } catch (err) {
    throw new MalformedFormError(`the form could not be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** A text field; absent, non-text (a file) or invisible-only (spaces, zero-width, control characters) reads as ''. */
export function formText(form: FormBody, name: string): string {
  const v = form[name];
  return typeof v === 'string' && hasVisibleText(v) ? wellFormed(v).trim() : '';
}
