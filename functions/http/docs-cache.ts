/** The OpenAPI document and the /docs page, generated once on first request (routes are fixed by then). */
import { renderDocs } from './docs-page.js';

export function docsHtmlCache(
  generate: () => object,
  extra: { bodyLimitBytes: number; rateLimit: { perSecond: number; burst: number } },
): { document(): object; html(): string } {
  let document: object | undefined;
  let html: string | undefined;
  return {
    document: () => (document ??= generate()),
    html: () => (html ??= renderDocs((document ??= generate()) as Record<string, never>, extra)),
  };
}
