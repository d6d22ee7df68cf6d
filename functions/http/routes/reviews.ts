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
  summary: 'The review queue (pending_review ads of every tenant, oldest first), or the ads the engine rejected',
  description:
    'Role: moderator. `status=rejected` lists the ads the engine rejected that no moderator has decided, newest first: a moderator may approve one (with a reason) through POST /v1/ads/{id}/review. Items of appealed ads carry `appeal`. Filter by finding category; paginated with an opaque cursor.',
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  request: { query: ReviewQueueQuery },
  responses: { 200: json(ReviewQueueSchema, 'One page of the queue'), ...problems(400, 403) },
});

const decide = createRoute({
  method: 'post',
  path: '/ads/{id}/review',
  tags: ['reviews'],
  summary: 'Approve or reject a pending ad, or overturn an engine reject',
  description:
    "Role: moderator. Decides a pending_review ad, or an ad the engine rejected that no moderator has decided (status=rejected in GET /v1/reviews). Approving an ad the engine rejected overrides the engine: it needs a `reason` (400 without one), `status` becomes the moderator's decision while `verdict` stays the engine's, and the review event records `overrodeEngine`. Written atomically with its audit event, conditional on `expectedVersion` and on the ad's status: of two moderators deciding at once, or a decision and the employer's appeal, exactly one wins and the other gets 409.",
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  request: { params: AdIdParams, body: jsonBody(ReviewRequestSchema) },
  responses: { 200: json(AdRecordSchema, 'The decided ad'), ...problems(400, 403, 404, 409, 413, 415) },
});

export function reviewsRouter({ store }: AppDeps) {
  const app = createRouter();

  app.openapi(queue, async (c) => {
    const { status, category, cursor, limit } = c.req.valid('query');
    const page = status === 'rejected' ? await store.ads.rejected({ category, cursor, limit }) : await store.ads.reviewQueue({ category, cursor, limit });
    return c.json(page, 200);
  });

  app.openapi(decide, async (c) => {
    const { decision, reason, expectedVersion, expectedStatus } = wellFormed(c.req.valid('json'));
    const record = await store.ads.decide({
      adId: c.req.valid('param').id,
      actor: c.get('principal'),
      decision,
      reason: reason !== undefined && hasVisibleText(reason) ? reason.trim() : undefined,
      expectedVersion,
      expectedStatus,
    });
    return c.json(record, 200);
  });

  return app;
}
