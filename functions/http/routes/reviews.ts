/** Moderation: the review queue (GET /v1/reviews) and decisions (POST /v1/ads/{id}/review). Mounted at /v1. */
import { createRoute } from '@hono/zod-openapi';
import { hasVisibleText } from '../../core/ad.js';
import { requireRole } from '../auth.js';
import type { AppDeps } from '../env.js';
import { BEARER, createRouter } from '../router.js';
import { AdIdParams, AdRecordSchema, json, jsonBody, problems, ReviewQueueQuery, ReviewQueueSchema, ReviewRequestSchema } from '../schemas.js';
import { wellFormed } from '../text.js';

const queue = createRoute({
  method: 'get',
  path: '/reviews',
  tags: ['reviews'],
  summary: 'The review queue: pending_review ads of every tenant, oldest first',
  description: 'Role: moderator. Filter by finding category; paginated with an opaque cursor.',
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  request: { query: ReviewQueueQuery },
  responses: { 200: json(ReviewQueueSchema, 'One page of the queue'), ...problems(400, 403) },
});

const decide = createRoute({
  method: 'post',
  path: '/ads/{id}/review',
  tags: ['reviews'],
  summary: 'Approve or reject a pending ad',
  description:
    'Role: moderator. Written atomically with its audit event, conditional on `expectedVersion` and on the ad still being pending_review: of two moderators deciding at once exactly one wins, the other gets 409.',
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  request: { params: AdIdParams, body: jsonBody(ReviewRequestSchema) },
  responses: { 200: json(AdRecordSchema, 'The decided ad'), ...problems(400, 403, 404, 409, 413, 415) },
});

export function reviewsRouter({ store }: AppDeps) {
  const app = createRouter();

  app.openapi(queue, async (c) => {
    const { category, cursor, limit } = c.req.valid('query');
    return c.json(await store.ads.reviewQueue({ category, cursor, limit }), 200);
  });

  app.openapi(decide, async (c) => {
    const { decision, reason, expectedVersion } = wellFormed(c.req.valid('json'));
    const record = await store.ads.decide({
      adId: c.req.valid('param').id,
      actor: c.get('principal'),
      decision,
      reason: reason !== undefined && hasVisibleText(reason) ? reason.trim() : undefined,
      expectedVersion,
    });
    return c.json(record, 200);
  });

  return app;
}
