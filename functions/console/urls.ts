/** The console's URLs, built in one place so pages and redirects agree (and every value is encoded). */
import type { Category } from '../core/categories.js';

export const CONSOLE_BASE = '/console';

/** `url` with the defined `params` appended as a query string. */
export function withParams(url: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) q.set(name, value);
  const s = q.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

export const adPath = (adId: string) => `${CONSOLE_BASE}/ads/${encodeURIComponent(adId)}`;

/** The ad page, keeping the queue filter the moderator works through. */
export const adUrl = (adId: string, category?: Category) => withParams(adPath(adId), { category });

export const queueUrl = (params: { category?: Category; cursor?: string } = {}) => withParams(CONSOLE_BASE, params);

/** The list of ads the engine rejected and no moderator has decided (the overrides tab). */
export const rejectedUrl = (params: { category?: Category; cursor?: string } = {}) => withParams(`${CONSOLE_BASE}/rejected`, params);

/** Opens the oldest ad of the queue (with its filter) that no other moderator holds. */
export const nextUrl = (category?: Category) => withParams(`${CONSOLE_BASE}/next`, { category });

export const proposalsUrl = () => `${CONSOLE_BASE}/proposals`;
