/** /v1/ads: employers submit, list, read and revise their ads; moderators read any ad and its history. */
import { createRoute } from '@hono/zod-openapi';
import type { StoredAd as Ad } from '../../core/ad.js';
import { fixedVersion, type FixedVersion } from '../../core/fixes/fixed-ad.js';
import type { Verdict } from '../../core/verdict.js';
import { contentHash } from '../../store/model.js';
import { requireRole, scopeOf } from '../auth.js';
import type { AppDeps } from '../env.js';
import { createRouter, BEARER } from '../router.js';
import {
  AdIdParams,
  AdListSchema,
  AdRecordSchema,
  AdSchema,
  CreatedAdSchema,
  HistorySchema,
  IdempotencyHeaders,
  IfMatchHeaders,
  json,
  jsonBody,
  ListAdsQuery,
  problems,
} from '../schemas.js';
import { wellFormed } from '../text.js';

const createAd = createRoute({
  method: 'post',
  path: '/',
  tags: ['ads'],
  summary: 'Submit an ad: check it and store it with its verdict',
  description: 'Role: employer. The status follows the verdict: approve → approved, review → pending_review (queued for moderators), reject → rejected.',
  security: BEARER,
  middleware: [requireRole('employer')] as const,
  request: { headers: IdempotencyHeaders, body: jsonBody(AdSchema) },
  responses: { 201: json(CreatedAdSchema, 'Stored; the verdict of version 1'), ...problems(400, 403, 409, 413, 415) },
});

const listAds = createRoute({
  method: 'get',
  path: '/',
  tags: ['ads'],
  summary: "The caller's own ads, newest first",
  description: "Role: employer (the key's tenant). Paginated with an opaque cursor.",
  security: BEARER,
  middleware: [requireRole('employer')] as const,
  request: { query: ListAdsQuery },
  responses: { 200: json(AdListSchema, 'One page of ads'), ...problems(400, 403) },
});

const getAd = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['ads'],
  summary: 'One ad: current version, verdict, status and latest review',
  description: "Role: the owning employer, or a moderator. Another tenant's ad answers 404, exactly like a missing one.",
  security: BEARER,
  middleware: [requireRole('employer', 'moderator')] as const,
  request: { params: AdIdParams },
  responses: { 200: json(AdRecordSchema, 'The ad'), ...problems(403, 404) },
});

const reviseAd = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['ads'],
  summary: 'Revise an ad: check it again and store it as a new version',
  description: 'Role: the owning employer. Earlier versions and verdicts are kept (see /history). Send If-Match with the version you edited to avoid overwriting a concurrent revision.',
  security: BEARER,
  middleware: [requireRole('employer')] as const,
  request: { params: AdIdParams, headers: IfMatchHeaders, body: jsonBody(AdSchema) },
  responses: { 200: json(CreatedAdSchema, 'The new version and its verdict'), ...problems(400, 403, 404, 409, 413, 415) },
});

const adHistory = createRoute({
  method: 'get',
  path: '/{id}/history',
  tags: ['ads'],
  summary: 'Every version, verdict and review event of an ad, in order',
  description: 'Role: the owning employer, or a moderator.',
  security: BEARER,
  middleware: [requireRole('employer', 'moderator')] as const,
  request: { params: AdIdParams },
  responses: { 200: json(HistorySchema, 'The history'), ...problems(403, 404) },
});

/**
 * A flagged ad's response carries its fixed version, so an integration can offer "apply all fixes and resubmit"
 * in one step. It is computed from the stored verdict, so a replayed create answers the same.
 */
function withFixed<T extends { verdict: Verdict }>(engine: AppDeps['engine'], ad: Ad, response: T): T & { fixed?: FixedVersion } {
  const fixed = response.verdict.decision === 'approve' ? undefined : fixedVersion(engine.fix(ad, response.verdict));
  return fixed ? { ...response, fixed } : response;
}

export function adsRouter({ engine, store }: AppDeps) {
  const app = createRouter();

  app.openapi(createAd, async (c) => {
    const principal = c.get('principal');
    const ad: Ad = wellFormed(c.req.valid('json'));
    const key = c.req.valid('header')['idempotency-key'];
    const idempotency = key ? { key, requestHash: contentHash(ad) } : undefined;
    // No read first: the create's transaction claims the key, and only a retry (the claim fails) reads the
    // first response back. A first request costs one round trip, with or without a key.
    const { replayed, ...created } = await store.ads.create({ actor: principal, ad, verdict: engine.check(ad), idempotency });
    const headers: Record<string, string> = { location: `/v1/ads/${created.adId}` };
    if (replayed) headers['idempotent-replayed'] = 'true';
    return c.json(withFixed(engine, ad, created), 201, headers);
  });

  app.openapi(listAds, async (c) => {
    const { status, cursor, limit } = c.req.valid('query');
    const page = await store.ads.list({ tenant: c.get('principal').tenant, status, cursor, limit });
    return c.json(page, 200);
  });

  app.openapi(getAd, async (c) => {
    const record = await store.ads.get(c.req.valid('param').id, scopeOf(c.get('principal')));
    return c.json(record, 200);
  });

  app.openapi(reviseAd, async (c) => {
    const principal = c.get('principal');
    const { id } = c.req.valid('param');
    const ifMatch = c.req.valid('header')['if-match'];
    const scope = scopeOf(principal);
    const ad: Ad = wellFormed(c.req.valid('json'));
    const expectedVersion = ifMatch ? Number(ifMatch.replace(/\D/g, '')) : undefined;
    const record = await store.ads.revise({ adId: id, scope, actor: principal, ad, verdict: engine.check(ad), expectedVersion });
    return c.json(withFixed(engine, ad, { adId: record.adId, status: record.status, version: record.version, verdict: record.verdict }), 200);
  });

  app.openapi(adHistory, async (c) => {
    const history = await store.ads.history(c.req.valid('param').id, scopeOf(c.get('principal')));
    return c.json(history, 200);
  });

  return app;
}
