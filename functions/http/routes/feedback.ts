/**
 * The feedback loop: moderators mark the engine's false alarms and misses (POST /v1/ads/{id}/feedback),
 * read the lexicon edits that feedback proposes (GET /v1/feedback/proposals), and export what they decided
 * as a labelled corpus (GET /v1/feedback/export). Mounted at /v1.
 */
import { createHash } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { labelledAd } from '../../feedback/labelled-ad.js';
import { currentProposals } from '../../feedback/current-proposals.js';
import type { DecidedVersion } from '../../store/feedback.js';
import { canonicalJson } from '../../store/model.js';
import { requireRole } from '../auth.js';
import type { AppDeps } from '../env.js';
import { ExportQuery, FeedbackRequestSchema, FeedbackSchema, ProposalsSchema, visibleNote } from '../feedback-schemas.js';
import { BEARER, createRouter } from '../router.js';
import { AdIdParams, IdempotencyHeaders, json, jsonBody, problems } from '../schemas.js';
import { wellFormed } from '../text.js';

const postFeedback = createRoute({
  method: 'post',
  path: '/ads/{id}/feedback',
  tags: ['feedback'],
  summary: 'Mark a finding as a false alarm, or a passage the engine missed',
  description:
    "Role: moderator. The feedback names a finding of that version exactly (false_alarm) or a span of visible text inside one field of that version (missed); anything else is 400. Recorded in the ad's history. The same correction posted twice is stored once: the second answers 200 with the first. An Idempotency-Key is honoured as for POST /v1/ads (a retry answers the first 201 with `Idempotent-Replayed: true`; the key with another body is 409).",
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  request: { params: AdIdParams, headers: IdempotencyHeaders, body: jsonBody(FeedbackRequestSchema) },
  responses: {
    201: json(FeedbackSchema, 'Recorded'),
    200: json(FeedbackSchema, 'Already recorded (the same correction was posted before): nothing new was stored'),
    ...problems(400, 403, 404, 409, 413, 415),
  },
});

const proposals = createRoute({
  method: 'get',
  path: '/feedback/proposals',
  tags: ['feedback'],
  summary: 'Lexicon edits proposed by feedback, most marked first',
  description:
    'Role: moderator. `exception`: false alarms grouped by rule and matched text (a candidate exception for that rule). `term`: missed passages grouped by category and text (a candidate term). Only marks the running rules still get wrong count: once a lexicon edit fixing them is deployed, they leave the list (`resolvedMarks` counts them). Applying one is a reviewed lexicon edit, never automatic.',
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  responses: { 200: json(ProposalsSchema, 'The proposals, ranked by count'), ...problems(403) },
});

const exportCorpus = createRoute({
  method: 'get',
  path: '/feedback/export',
  tags: ['feedback'],
  summary: 'Decided ads as a labelled corpus (NDJSON), for `npm run eval` and `npm run train`',
  description:
    "Role: moderator or admin. One line per ad version a moderator decided, in the corpus format `{ id, title, text, labels: [{ category, evidence }], decision, note }`: labels are the engine's findings minus those marked as false alarms plus the passages marked as missed; `decision` is the moderator's. Paged: when more follow, `Link: <…>; rel=\"next\"` names the next page.",
  security: BEARER,
  middleware: [requireRole('moderator')] as const,
  request: { query: ExportQuery },
  responses: {
    200: { description: 'One JSON object per line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
    ...problems(400, 403),
  },
});

/** Versions loaded at once while exporting: enough to overlap the reads, few enough to keep memory flat. */
const EXPORT_BATCH = 10;

export function feedbackRouter({ engine, store }: AppDeps) {
  const app = createRouter();

  app.openapi(postFeedback, async (c) => {
    const adId = c.req.valid('param').id;
    const body = wellFormed(c.req.valid('json'));
    const note = visibleNote(body.note);
    const key = c.req.valid('header')['idempotency-key'];
    const requestHash = `sha256:${createHash('sha256').update(canonicalJson({ adId, ...body })).digest('hex')}`;
    const { feedback, outcome } = await store.feedback.record({
      adId,
      actor: c.get('principal'),
      feedback: { ...body, note },
      idempotency: key ? { key, requestHash } : undefined,
    });
    if (outcome === 'duplicate') return c.json(feedback, 200);
    return c.json(feedback, 201, outcome === 'replayed' ? { 'idempotent-replayed': 'true' } : {});
  });

  app.openapi(proposals, async (c) => c.json(await currentProposals(store.feedback, (ad) => engine.check(ad)), 200));

  app.openapi(exportCorpus, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const page = await store.feedback.decided({ cursor, limit });
    const headers: Record<string, string> = { 'content-type': 'application/x-ndjson; charset=utf-8' };
    if (page.cursor) headers.link = `</v1/feedback/export?${new URLSearchParams({ cursor: page.cursor, limit: String(limit) })}>; rel="next"`;
    const batches: DecidedVersion[][] = [];
    for (let i = 0; i < page.items.length; i += EXPORT_BATCH) batches.push(page.items.slice(i, i + EXPORT_BATCH));
    const lines = async (batch: DecidedVersion[]) => {
      const loaded = await Promise.all(batch.map((d) => store.feedback.loadDecided(d)));
      return new TextEncoder().encode(loaded.map((v, j) => `${JSON.stringify(labelledAd({ ...batch[j]!, ...v }))}\n`).join(''));
    };
    // The first batch is read before answering, so a database that is down answers 503, not a cut 200. Later
    // batches stream as they are read; one that fails aborts the response, so no client takes it as complete.
    const first = batches.length ? await lines(batches[0]!) : new Uint8Array();
    let next = 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(first);
        if (next >= batches.length) controller.close();
      },
      async pull(controller) {
        try {
          controller.enqueue(await lines(batches[next++]!));
          if (next >= batches.length) controller.close();
        } catch (err) {
          controller.error(err);
        }
      },
    });
    return c.body(body, 200, headers) as never;
  });

  return app;
}
