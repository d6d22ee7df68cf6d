/** POST /v1/ads/{id}/appeal: the owning employer contests a rejection; the ad returns to the review queue. Mounted at /v1. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole, scopeOf } from '../auth.js';
import type { AppDeps } from '../env.js';
import { AppealRequestSchema, AppealResponseSchema } from '../feedback-schemas.js';
import { BEARER, createRouter } from '../router.js';
import { AdIdParams, json, jsonBody, problems } from '../schemas.js';
import { wellFormed } from '../text.js';

const appeal = createRoute({
  method: 'post',
  path: '/ads/{id}/appeal',
  tags: ['ads'],
  summary: 'Appeal a rejected ad: it returns to the review queue, marked as an appeal',
  description:
    "Role: the owning employer (another tenant's ad answers 404). Once per version: 409 `not-rejected` when the ad is not rejected, 409 `already-appealed` when this version was appealed before. Recorded in the ad's history. An appeal racing a moderator's decision: exactly one wins, the other gets 409.",
  security: BEARER,
  middleware: [requireRole('employer')] as const,
  request: { params: AdIdParams, body: jsonBody(AppealRequestSchema) },
  responses: { 202: json(AppealResponseSchema, 'Accepted: the ad waits for a moderator'), ...problems(400, 403, 404, 409, 413, 415) },
});

export function appealsRouter({ store }: AppDeps) {
  const app = createRouter();
  app.openapi(appeal, async (c) => {
    const principal = c.get('principal');
    const { reason } = wellFormed(c.req.valid('json'));
    const record = await store.ads.appeal({ adId: c.req.valid('param').id, scope: scopeOf(principal), actor: principal, reason: reason.trim() });
    const { reason: stored, at } = record.appeal!;
    return c.json({ adId: record.adId, status: record.status, version: record.version, appeal: { reason: stored, at } }, 202);
  });
  return app;
}
