/** POST /v1/check: the verdict only, nothing stored. Any role. */
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../env.js';
import { BEARER, createRouter } from '../router.js';
import { CheckAdSchema, json, jsonBody, problems, VerdictSchema } from '../schemas.js';
import { wellFormed } from '../text.js';

const check = createRoute({
  method: 'post',
  path: '/',
  tags: ['check'],
  summary: 'Check an ad without storing it',
  description: 'Any role. Returns the verdict: findings with offsets into the original text, legal basis and suggestions.',
  security: BEARER,
  request: { body: jsonBody(CheckAdSchema) },
  responses: { 200: json(VerdictSchema, 'The verdict'), ...problems(400, 413, 415) },
});

export function checkRouter({ engine }: AppDeps) {
  const app = createRouter();
  app.openapi(check, (c) => c.json(engine.check(wellFormed(c.req.valid('json'))), 200));
  return app;
}
