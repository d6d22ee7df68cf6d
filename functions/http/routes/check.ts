/** POST /v1/check: the verdict only, nothing stored; with `?fix=true` also the fixed ad. Any role. */
import { createRoute } from '@hono/zod-openapi';
import { fixedVersion } from '../../core/fixes/fixed-ad.js';
import type { AppDeps } from '../env.js';
import { BEARER, createRouter } from '../router.js';
import { CheckAdSchema, CheckQuery, CheckResultSchema, json, jsonBody, problems } from '../schemas.js';
import { wellFormed } from '../text.js';

const check = createRoute({
  method: 'post',
  path: '/',
  tags: ['check'],
  summary: 'Check an ad without storing it',
  description:
    'Any role. Returns the verdict: findings with offsets into the original text, legal basis, suggestions and fixes. With `?fix=true` the response also holds `fixed`: the ad with every fix applied, checked again.',
  security: BEARER,
  request: { query: CheckQuery, body: jsonBody(CheckAdSchema) },
  responses: { 200: json(CheckResultSchema, 'The verdict (and the fixed ad)'), ...problems(400, 413, 415) },
});

export function checkRouter({ engine }: AppDeps) {
  const app = createRouter();
  app.openapi(check, (c) => {
    const ad = wellFormed(c.req.valid('json'));
    const verdict = engine.check(ad);
    const fixed = c.req.valid('query').fix === 'true' ? fixedVersion(engine.fix(ad, verdict)) : undefined;
    return c.json(fixed ? { ...verdict, fixed } : verdict, 200);
  });
  return app;
}
