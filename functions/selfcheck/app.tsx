/**
 * The public self-check page at /check: anyone checks an ad in the browser, without a key, and gets the fixed
 * version. Server-rendered, works without script; rate-limited per client address; nothing is stored.
 *
 * Browsers (Accept: text/html) get every error as the page with a notice; other clients get problem+json
 * (RFC 9457), like the API.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Ad } from '../core/ad.js';
import { MalformedFormError, readForm } from '../console/form.js';
import { securityHeaders } from '../console/security.js';
import type { Engine } from '../engine.js';
import type { ClientAddress } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import { problem, type ProblemSlug } from '../http/problem.js';
import { ProblemSchema } from '../http/schemas.js';
import { createAddressLimit } from './address-limit.js';
import { serveAssets } from '../console/assets.js';
import { SELF_CHECK_ASSETS } from './assets.js';
import { readSelfCheckForm, SELF_CHECK_LIMITS, type SelfCheckForm } from './form.js';
import { SELF_CHECK_BASE } from './urls.js';
import { SelfCheckPage, type SelfCheckResult } from './views/self-check-page.js';

export interface SelfCheckDeps {
  engine: Pick<Engine, 'check' | 'fix'>;
  clientAddress?: ClientAddress;
  /** Checks per client address and minute (also the burst); 0 turns the limit off. */
  perMinute: number;
}

const EMPTY_FORM: SelfCheckForm = { title: '', description: '' };

const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');

/** An error answered as the page with a notice (browsers) or as problem+json (everyone else). */
function refuse(
  c: Context,
  status: 400 | 413 | 429,
  slug: ProblemSlug,
  detail: { text: string; message: string },
  options: { form?: SelfCheckForm; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response | Promise<Response> {
  if (!wantsHtml(c)) return problem(c, slug, detail.message, options.extensions, options.headers);
  for (const [name, value] of Object.entries(options.headers ?? {})) c.header(name, value);
  return c.html(<SelfCheckPage form={options.form ?? EMPTY_FORM} error={detail.text} />, status);
}

const FormSchema = z.object({
  title: z.string().max(SELF_CHECK_LIMITS.title).optional().openapi({ description: 'The job title (optional).' }),
  description: z.string().max(SELF_CHECK_LIMITS.description).openapi({ description: `The ad's text (required, at most ${SELF_CHECK_LIMITS.description} characters).` }),
});
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const problemOrPage = (description: string) => ({
  description: `${description}: the page with a notice for browsers (Accept: text/html), problem+json otherwise`,
  content: { 'text/html': { schema: z.string() }, 'application/problem+json': { schema: ProblemSchema } },
});

export function createSelfCheckApp(deps: SelfCheckDeps): OpenAPIHono<AppEnv> {
  const limit = createAddressLimit({ perMinute: deps.perMinute });
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', securityHeaders);

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/',
    tags: ['self-check'],
    summary: 'The public self-check page (no key)',
    description: 'A form for a title and a description; checking an ad is a POST of the form.',
    responses: { 200: html('The page') },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/',
    tags: ['self-check'],
    summary: 'Check an ad in the browser: highlights, findings and the fixed ad (no key, nothing stored)',
    description: `No key. Limited per client address (${deps.perMinute || 'no limit'} checks a minute) and to ${SELF_CHECK_LIMITS.bodyBytes / 1024} KiB of form. Answers the page with the result.`,
    request: {
      body: { content: { 'application/x-www-form-urlencoded': { schema: FormSchema }, 'multipart/form-data': { schema: FormSchema } } },
    },
    responses: {
      200: html('The page with the result'),
      400: problemOrPage('An empty or too long description, a too long title, or a form that cannot be read'),
      413: problemOrPage(`A body over ${SELF_CHECK_LIMITS.bodyBytes / 1024} KiB`),
      429: problemOrPage('Too many checks from this address (see Retry-After)'),
    },
  });

  serveAssets(app, SELF_CHECK_ASSETS);

  app.get('/', (c) => c.html(<SelfCheckPage form={EMPTY_FORM} />));

  app.post(
    '/',
    bodyLimit({
      maxSize: SELF_CHECK_LIMITS.bodyBytes,
      onError: (c) =>
        refuse(
          c,
          413,
          'payload-too-large',
          { text: `提交的内容过大（上限 ${SELF_CHECK_LIMITS.bodyBytes / 1024} KiB）。`, message: `the form is larger than ${SELF_CHECK_LIMITS.bodyBytes} bytes` },
          { extensions: { limitBytes: SELF_CHECK_LIMITS.bodyBytes } },
        ),
    }),
    async (c) => {
      const retryAfter = limit.take(deps.clientAddress?.(c));
      if (retryAfter !== undefined) {
        const headers = { 'retry-after': String(retryAfter) };
        return refuse(c, 429, 'too-many-checks', { text: `检查过于频繁，请 ${retryAfter} 秒后再试。`, message: `too many checks from this address; retry after ${retryAfter} s` }, { headers, extensions: { retryAfter } });
      }
      let body;
      try {
        body = await readForm(c);
      } catch (err) {
        if (!(err instanceof MalformedFormError)) throw err;
        return refuse(c, 400, 'invalid-request', { text: '无法读取提交的表单，请重新提交。', message: err.message });
      }
      const { form, problems } = readSelfCheckForm(body);
      if (problems.length) {
        const errors = problems.map((p) => ({ location: 'body', field: p.field, message: p.message }));
        const detail = { text: problems.map((p) => p.text).join(' '), message: problems.map((p) => `body.${p.field}: ${p.message}`).join('; ') };
        return refuse(c, 400, 'invalid-request', detail, { form, extensions: { errors } });
      }
      const ad: Ad = form.title ? { title: form.title, description: form.description } : { description: form.description };
      const verdict = deps.engine.check(ad);
      const result: SelfCheckResult = { ad, verdict, fixed: deps.engine.fix(ad, verdict) };
      return c.html(<SelfCheckPage form={form} result={result} />);
    },
  );
  return app;
}

/** The page as an extra router for `createApp({ routes })`: outside /v1, so no key is asked. */
export function selfCheckRoute(deps: SelfCheckDeps): { path: string; app: OpenAPIHono<AppEnv> } {
  return { path: SELF_CHECK_BASE, app: createSelfCheckApp(deps) };
}
