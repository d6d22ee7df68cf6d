/** GET /v1/lexicon: the lexicon version, categories and rule counts. Any role. */
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../env.js';
import { BEARER, createRouter } from '../router.js';
import { json, LexiconSchema, problems } from '../schemas.js';

const lexicon = createRoute({
  method: 'get',
  path: '/',
  tags: ['lexicon'],
  summary: 'Lexicon version, categories and rule counts',
  description: 'Any role.',
  security: BEARER,
  responses: { 200: json(LexiconSchema, 'The lexicon in use'), ...problems() },
});

export function lexiconRouter({ engine }: AppDeps) {
  const app = createRouter();
  app.openapi(lexicon, (c) => c.json(engine.info(), 200));
  return app;
}
