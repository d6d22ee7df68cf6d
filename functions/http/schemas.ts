/**
 * The API's zod schemas: they validate requests at the edge and are the single source of /openapi.json.
 * The ad and verdict schemas come from the engine (functions/core), so the API cannot drift from it.
 */
import { z } from '@hono/zod-openapi';
import { AdSchema as CoreAdSchema, CheckAdSchema as CoreCheckAdSchema, FIELD_LIMITS, hasVisibleText } from '../core/ad.js';
import { CATEGORIES, DECISIONS } from '../core/categories.js';
import {
  FindingSchema as CoreFindingSchema,
  FixEditSchema as CoreFixEditSchema,
  LegalBasisSchema as CoreLegalBasisSchema,
  VerdictSchema as CoreVerdictSchema,
} from '../core/verdict.js';
import { AD_STATUSES, FEEDBACK_KINDS, REVIEW_DECISIONS, ROLES } from '../store/model.js';
import { PROBLEM_TYPES } from './problem.js';

export const REASON_MAX = 2000;
export const IDEMPOTENCY_KEY_MAX = 255;
export const PAGE_SIZE = { default: 20, max: 100 } as const;

// The engine's schemas may be built before @hono/zod-openapi adds `.openapi()` to zod (zod 4 installs methods
// per instance at construction), so they are cloned here; validation is identical.
export const AdSchema = CoreAdSchema.clone().openapi('Ad', {
  description: `A job ad. Text limits (UTF-16 code units): ${Object.entries(FIELD_LIMITS)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}. Unknown fields are rejected.`,
  example: { title: '销售代表', description: '负责华东区客户开发，本科及以上学历，男女不限。', salary: '8000-12000元/月', location: '上海' },
});

export const CheckAdSchema = CoreCheckAdSchema.clone().openapi('AdToCheck', {
  description: 'A job ad to check: as Ad, but the title is optional (scraped and exported ads often have none).',
  example: { description: '负责华东区客户开发，本科及以上学历，男女不限。' },
});

const LegalBasisSchema = CoreLegalBasisSchema.clone().openapi('LegalBasis');
const FixSchema = CoreFixEditSchema.clone().openapi('Fix', {
  description:
    "Replace `start`–`end` of the finding's field (offsets into the original text) with `replacement`; empty deletes. Only for categories rewording can fix (discrimination; pay and labour terms where a lawful wording exists), never for fraud or fees. The fixes of one field never overlap: apply them from the last to the first. A finding whose words another fix removes has an empty fix.",
  example: { start: 3, end: 6, replacement: '男女不限' },
});
export const FindingSchema = CoreFindingSchema.extend({ legalBasis: z.array(LegalBasisSchema), fix: FixSchema.optional() }).openapi('Finding');
export const VerdictSchema = CoreVerdictSchema.extend({ findings: z.array(FindingSchema) }).openapi('Verdict', {
  description: 'The engine verdict: approve (no findings), review (only review-severity findings) or reject.',
});

/** The ad with every fix applied, checked again: what `fixed` holds in check and submit responses. */
export const FixedAdSchema = CoreCheckAdSchema.extend({
  decision: z.enum(DECISIONS).openapi({ description: 'The decision the fixed ad gets.' }),
}).openapi('FixedAd', {
  description:
    'The ad with every fix applied, and the decision it gets when checked again. Absent when there is nothing to fix, or when a finding is fraud or fee charging (no rewording makes those lawful). Without `decision` it is an ad to submit as it is (PUT /v1/ads/{id}).',
  example: { title: '仓库管理员', description: '负责仓库管理，男女不限。', decision: 'approve' },
});

export const CheckResultSchema = VerdictSchema.extend({ fixed: FixedAdSchema.optional() }).openapi('CheckResult', {
  description: 'The verdict; with `?fix=true`, also the fixed ad (`fixed`).',
});

export const CheckQuery = z.object({
  fix: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'fix', in: 'query' }, description: '`true` adds `fixed`: the ad with every fix applied, checked again.' }),
});

export const AdStatusSchema = z.enum(AD_STATUSES).openapi('AdStatus', {
  description: 'approved / pending_review / rejected: from the verdict (approve / review / reject), then from a moderator decision.',
});
export const CategorySchema = z.enum(CATEGORIES).openapi('Category');

export const CreatedAdSchema = z
  .object({
    adId: z.string().openapi({ example: 'ad_k3J9xQ2mP0aZr8TfW1bY' }),
    status: AdStatusSchema,
    version: z.number().int().positive(),
    verdict: VerdictSchema,
    fixed: FixedAdSchema.optional().openapi({
      description: 'For a flagged ad: every fix applied, checked again (see FixedAd). Send it without `decision` to PUT /v1/ads/{id} to apply all fixes.',
    }),
  })
  .openapi('CheckedAd');

const ReviewInfoSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    reason: z.string().optional(),
    at: z.string(),
    keyId: z.string().openapi({ description: 'Key id of the moderator who decided.' }),
    overrodeEngine: z.literal(true).optional().openapi({ description: 'The moderator approved an ad the engine rejected; `verdict` stays the engine\'s.' }),
  })
  .openapi('ReviewInfo');

export const AppealInfoSchema = z
  .object({
    reason: z.string(),
    at: z.string(),
    keyId: z.string().openapi({ description: 'Key id of the employer who appealed.' }),
    version: z.number().int().positive().openapi({ description: 'The version appealed (one appeal per version).' }),
  })
  .openapi('Appeal');

const RecheckNoteSchema = z
  .object({
    at: z.string(),
    lexiconVersion: z.string().openapi({ description: 'The rules the ad was re-checked with.' }),
    from: z.enum(DECISIONS).openapi({ description: "The engine's decision before the re-check." }),
    to: z.enum(DECISIONS).openapi({ description: "The engine's decision after it." }),
  })
  .openapi('RecheckNote', { description: 'Set when a re-check under new rules put the ad in the queue: flagged now, or cleaner than before (never approved silently).' });

const summaryShape = {
  adId: z.string(),
  tenant: z.string(),
  status: AdStatusSchema,
  version: z.number().int().positive(),
  title: z.string(),
  company: z.string().optional().openapi({ description: "The current version's `company.name`, when it gives one." }),
  decision: z.enum(DECISIONS).openapi({ description: "The engine's decision on the current version." }),
  categories: z.array(z.string()).openapi({ description: "Categories of the current version's findings that bear on the decision (notices such as incomplete excluded)." }),
  findingCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  queuedAt: z.string().optional().openapi({ description: 'When the ad entered the review queue (while pending_review).' }),
  rejectedAt: z.string().optional().openapi({ description: 'When the engine rejected the ad (while no moderator has decided it).' }),
  appeal: AppealInfoSchema.optional().openapi({ description: "The employer's appeal of the current version." }),
  recheck: RecheckNoteSchema.optional(),
};

export const AdSummarySchema = z.object(summaryShape).openapi('AdSummary');

export const AdRecordSchema = z
  .object({
    ...summaryShape,
    ad: AdSchema,
    verdict: VerdictSchema,
    contentHash: z.string().openapi({ description: '`sha256:` of the canonical JSON of `ad`: exactly the text the verdict judged.' }),
    lexiconVersion: z.string(),
    review: ReviewInfoSchema.optional(),
  })
  .openapi('AdRecord');

const cursorDoc = 'Opaque; pass back the `cursor` of the previous page unchanged. Absent on the last page.';

export const AdListSchema = z
  .object({ items: z.array(AdSummarySchema), cursor: z.string().optional().openapi({ description: cursorDoc }) })
  .openapi('AdList');

export const QueueEntrySchema = z
  .object({
    adId: z.string(),
    tenant: z.string(),
    title: z.string(),
    company: z.string().optional().openapi({ description: "The current version's `company.name`, when it gives one." }),
    version: z.number().int().positive(),
    categories: z.array(z.string()),
    findingCount: z.number().int().nonnegative(),
    createdAt: z.string(),
    queuedAt: z.string().optional().openapi({ description: 'In the review queue: when the ad entered it.' }),
    rejectedAt: z.string().optional().openapi({ description: 'In the rejected list (`status=rejected`): when the engine rejected it.' }),
    appeal: AppealInfoSchema.optional().openapi({ description: 'Present when the ad is in the queue because its employer appealed a rejection.' }),
    recheck: RecheckNoteSchema.optional(),
  })
  .openapi('QueueEntry');

export const ReviewQueueSchema = z
  .object({ items: z.array(QueueEntrySchema), cursor: z.string().optional().openapi({ description: cursorDoc }) })
  .openapi('ReviewQueue');

export const ReviewRequestSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    reason: z
      .string()
      .max(REASON_MAX, `at most ${REASON_MAX} characters`)
      .optional()
      .openapi({ description: `Why; required for reject (at most ${REASON_MAX} characters).` }),
    expectedVersion: z.number().int().positive().openapi({ description: 'The version the moderator looked at; 409 if the ad changed since.' }),
    expectedStatus: z
      .enum(['pending_review', 'rejected'])
      .optional()
      .openapi({
        description:
          'The status the moderator looked at; 409 `concurrent-update` if it changed since (e.g. the employer appealed the rejected ad meanwhile). Send it to be sure the decision is about what was seen.',
      }),
  })
  .strict()
  .superRefine((value, ctx) => {
    // Spaces, zero-width or control characters alone are no reason.
    if (value.decision === 'reject' && !(value.reason !== undefined && hasVisibleText(value.reason))) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required to reject an ad' });
    }
  })
  .openapi('ReviewRequest', { example: { decision: 'reject', reason: '限男性：性别歧视', expectedVersion: 1 } });

const actorSchema = z.object({
  keyId: z.string(),
  role: z.enum([...ROLES, 'system']).openapi({ description: '`system` for re-checks under new rules (keyId `recheck`).' }),
});
const eventBase = {
  seq: z.number().int().positive(),
  at: z.string(),
  actor: actorSchema,
  version: z.number().int().positive(),
  status: AdStatusSchema.openapi({ description: 'The ad status after this event.' }),
};
export const HistoryEventSchema = z
  .discriminatedUnion('type', [
    z.object({
      ...eventBase,
      type: z.enum(['submitted', 'revised', 'rechecked']).openapi({ description: '`rechecked`: the same text judged again under new rules.' }),
      ad: AdSchema,
      contentHash: z.string(),
      lexiconVersion: z.string(),
      verdict: VerdictSchema,
    }),
    z.object({
      ...eventBase,
      type: z.literal('reviewed'),
      decision: z.enum(REVIEW_DECISIONS),
      reason: z.string().optional(),
      overrodeEngine: z.literal(true).optional().openapi({ description: 'This decision approved an ad the engine rejected.' }),
    }),
    z.object({ ...eventBase, type: z.literal('appealed'), reason: z.string() }),
    z.object({
      ...eventBase,
      type: z.literal('feedback'),
      feedback: z.object({
        feedbackId: z.string(),
        kind: z.enum(FEEDBACK_KINDS),
        ruleId: z.string().optional(),
        category: CategorySchema,
        field: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        text: z.string(),
        note: z.string().optional(),
      }),
    }),
  ])
  .openapi('HistoryEvent');

export const HistorySchema = z
  .object({
    adId: z.string(),
    tenant: z.string(),
    status: AdStatusSchema,
    version: z.number().int().positive(),
    events: z.array(HistoryEventSchema).openapi({ description: 'Every version (with its verdict) and review decision, oldest first.' }),
  })
  .openapi('AdHistory');

export const LexiconSchema = z
  .object({
    version: z.string(),
    rules: z.number().int(),
    categories: z.array(z.object({ id: CategorySchema, rules: z.number().int() })),
  })
  .openapi('Lexicon');

export const HealthSchema = z.object({ status: z.literal('ok'), lexiconVersion: z.string() }).openapi('Health');
export const ReadySchema = z.object({ status: z.literal('ready') }).openapi('Ready');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: `One of: ${Object.keys(PROBLEM_TYPES).map((k) => `urn:hirecheck:problem:${k}`).join(', ')}` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ location: z.string(), field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'For invalid-request: every offending field and why.' }),
  })
  .openapi('Problem');

// ---- parameters ------------------------------------------------------------------------------------

export const AdIdParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ad_k3J9xQ2mP0aZr8TfW1bY' }),
});

const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(PAGE_SIZE.max)
  .default(PAGE_SIZE.default)
  .openapi({ param: { name: 'limit', in: 'query' }, description: `Page size, 1–${PAGE_SIZE.max} (default ${PAGE_SIZE.default}).` });
const cursorParam = z
  .string()
  .max(2048)
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: cursorDoc });

export const ListAdsQuery = z.object({
  status: AdStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
  cursor: cursorParam,
  limit: limitParam,
});

export const ReviewQueueQuery = z.object({
  status: z
    .enum(['pending_review', 'rejected'])
    .default('pending_review')
    .openapi({
      param: { name: 'status', in: 'query' },
      description: '`pending_review` (default): the review queue, oldest first. `rejected`: ads the engine rejected that no moderator has decided, newest first.',
    }),
  category: CategorySchema.optional().openapi({ param: { name: 'category', in: 'query' }, description: 'Only ads with a finding in this category.' }),
  cursor: cursorParam,
  limit: limitParam,
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(IDEMPOTENCY_KEY_MAX)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .openapi({
      param: { in: 'header' },
      description: 'Retrying with the same key and body returns the first response and stores nothing new (24 h); the same key with another body is 409.',
    }),
});

export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d+"?$/, 'a version number, e.g. "3"')
    .optional()
    .openapi({ param: { in: 'header' }, description: 'The version being revised; 409 if the ad has moved on.' }),
});

// ---- responses -------------------------------------------------------------------------------------

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid JSON, schema or parameter (which field, and why)',
  401: 'Missing, unknown or revoked API key',
  403: "The key's role may not call this endpoint",
  404: 'No such ad (or it belongs to another tenant)',
  409: 'Conflict: version changed, already decided, not appealable, or Idempotency-Key reused with another body',
  413: 'Body over the size limit',
  415: 'Body is not application/json',
  429: 'Per-key rate limit exceeded, or too many failed authentications from this address (see Retry-After)',
};

/** Problem responses for a route: 401, 429 and 500 always; the rest as listed. */
export function problems(...statuses: (400 | 403 | 404 | 409 | 413 | 415)[]) {
  const out: Record<number, { description: string; content: typeof problemContent }> = {};
  for (const status of [...statuses, 401, 429]) out[status] = { description: PROBLEM_DESCRIPTIONS[status]!, content: problemContent };
  out[500] = { description: 'Unexpected fault (with requestId; nothing half-written)', content: problemContent };
  return out;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
