/**
 * `createApp(deps)`: the whole HTTP API as one Hono app. It never imports the AWS SDK or anything
 * Node-server-specific, so the same app runs under @hono/node-server (npm start) and in Lambda.
 * Each resource is its own router mounted with `app.route()`; one `onError` maps every error to problem+json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { authenticate, authenticatorOptions, createAuthenticator } from './auth.js';
import { docsHtmlCache } from './docs-cache.js';
import { DEFAULT_LIMITS, defaultLogger, type AppDeps, type AppEnv, type AppLimits } from './env.js';
import { handleError, PayloadTooLargeError } from './errors.js';
import { problem } from './problem.js';
import { quietRepeats } from './quiet-repeats.js';
import { rateLimit } from './rate-limit.js';
import { createRouter } from './router.js';
import { adsRouter } from './routes/ads.js';
import { appealsRouter } from './routes/appeals.js';
import { feedbackRouter } from './routes/feedback.js';
import { checkRouter } from './routes/check.js';
import { lexiconRouter } from './routes/lexicon.js';
import { reviewsRouter } from './routes/reviews.js';
import { readinessProbe } from './readiness.js';
import { HealthSchema, json, ProblemSchema, ReadySchema } from './schemas.js';
import { createRoute } from '@hono/zod-openapi';

export const API_TITLE = 'hirecheck API';
export const API_VERSION = '1.0.0';

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const limits: AppLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = quietRepeats(deps.log ?? defaultLogger, ['store unavailable']);
  const auth = deps.auth ?? createAuthenticator(deps.store.keys, authenticatorOptions(limits));
  const app = createRouter();

  app.use('*', requestId());
  // Hono's onError only sees Error instances; anything else thrown still becomes a logged 500 problem.
  app.use('*', async (_c, next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof Error) throw err;
      throw new Error(`non-Error thrown: ${JSON.stringify(err) ?? String(err)}`, { cause: err });
    }
  });
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
  });
  app.use('/v1/*', authenticate(auth, deps.clientAddress));
  app.use('/v1/*', rateLimit(limits.rateLimit));
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new PayloadTooLargeError(maxSize);
      },
    });
  // An extra route may declare its own body limit (a prescreen spreadsheet is not one ad).
  const defaultBodyLimit = limitTo(limits.bodyBytes);
  const routeBodyLimits = (deps.routes ?? []).flatMap((r) => (r.bodyBytes === undefined ? [] : [{ path: r.path, limit: limitTo(r.bodyBytes) }]));
  app.use('/v1/*', (c, next) => {
    const own = routeBodyLimits.find((r) => c.req.path === r.path || c.req.path.startsWith(`${r.path}/`));
    return (own?.limit ?? defaultBodyLimit)(c, next);
  });

  app.route('/v1/ads', adsRouter(deps));
  app.route('/v1', reviewsRouter(deps));
  app.route('/v1', appealsRouter(deps));
  app.route('/v1', feedbackRouter(deps));
  app.route('/v1/check', checkRouter(deps));
  app.route('/v1/lexicon', lexiconRouter(deps));
  for (const extra of deps.routes ?? []) app.route(extra.path, extra.app);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['meta'],
      summary: 'Liveness: the process is up and the engine loaded',
      responses: { 200: json(HealthSchema, 'OK') },
    }),
    (c) => c.json({ status: 'ok' as const, lexiconVersion: deps.engine.info().version }, 200),
  );
  const readiness = readinessProbe(deps.store);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health/ready',
      tags: ['meta'],
      summary: 'Readiness: the database answers',
      description: '200 while the database answers a read; 503 problem+json (with Retry-After) while it does not, e.g. while a local DynamoDB is restarting.',
      responses: { 200: json(ReadySchema, 'Ready'), 503: { description: 'The database does not answer', content: { 'application/problem+json': { schema: ProblemSchema } } } },
    }),
    async (c) => {
      const problemDetail = await readiness();
      if (problemDetail) return problem(c, 'unavailable', problemDetail, {}, { 'retry-after': '2' }) as never;
      return c.json({ status: 'ready' as const }, 200);
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer hc_<keyId>_<secret>`.',
  });
  const document = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: API_TITLE,
        version: API_VERSION,
        description: 'Compliance checks for Chinese job ads: submit, check, moderate, audit.',
      },
    });
  const cache = docsHtmlCache(document, { bodyLimitBytes: limits.bodyBytes, rateLimit: limits.rateLimit });
  app.get('/openapi.json', (c) => c.json(cache.document()));
  app.get('/docs', (c) => c.html(cache.html()));

  // A person who opens the bare address lands on the console when it is mounted, on the API docs otherwise.
  const home = deps.routes?.find((r) => r.home)?.path ?? '/docs';
  app.get('/', (c) => c.redirect(home, 302));

  app.notFound((c) => problem(c, 'not-found', `no route for ${c.req.method} ${c.req.path}; see /docs`));
  app.onError((err, c) => handleError(err, c, log));
  return app;
}
