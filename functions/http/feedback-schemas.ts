/** The zod schemas of appeals and the feedback loop (appeal, finding feedback, proposals, labelled export). */
import { z } from '@hono/zod-openapi';
import { hasVisibleText, requiredText } from '../core/ad.js';
import { AdStatusSchema, AppealInfoSchema, CategorySchema, REASON_MAX } from './schemas.js';

export const AppealRequestSchema = z
  .object({
    reason: requiredText(REASON_MAX).openapi({ description: `Why the rejection is wrong (1–${REASON_MAX} characters, not blank).` }),
  })
  .strict()
  .openapi('AppealRequest', { example: { reason: '“限男性”是井下作业的法定要求，已附说明。' } });

export const AppealResponseSchema = z
  .object({ adId: z.string(), status: AdStatusSchema, version: z.number().int().positive(), appeal: AppealInfoSchema.pick({ reason: true, at: true }) })
  .openapi('AppealAccepted');

const NOTE_MAX = 2000;
/** The span fields of both kinds: offsets into the ORIGINAL text of `field` of that version, like a finding's. */
const span = {
  version: z.number().int().positive().openapi({ description: 'The version whose findings or text the feedback is about.' }),
  field: z.string().max(32).openapi({ example: 'description' }),
  start: z.number().int().nonnegative().max(1_000_000),
  end: z.number().int().positive().max(1_000_000),
  note: z.string().max(NOTE_MAX, `at most ${NOTE_MAX} characters`).optional(),
};
const startBeforeEnd = (value: { start: number; end: number }, ctx: z.RefinementCtx) => {
  if (value.end <= value.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be greater than start' });
};

export const FeedbackRequestSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('false_alarm'), ruleId: z.string().min(1).max(100), ...span }).strict(),
    z.object({ kind: z.literal('missed'), category: CategorySchema, ...span }).strict(),
  ])
  .superRefine(startBeforeEnd)
  .openapi('FeedbackRequest', {
    description:
      'false_alarm: names a finding of that version exactly (ruleId, field, start, end). missed: a span of visible text inside that field of that version, and the category it should have been found under.',
    example: { version: 1, kind: 'false_alarm', ruleId: 'gender-restriction', field: 'description', start: 7, end: 10, note: '女装店：产品，不是条件' },
  });

export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** A note of spaces or invisible characters is no note. */
export const visibleNote = (note: string | undefined) => (note !== undefined && hasVisibleText(note) ? note.trim() : undefined);

export const FeedbackSchema = z
  .object({
    feedbackId: z.string(),
    adId: z.string(),
    version: z.number().int().positive(),
    kind: z.enum(['false_alarm', 'missed']),
    ruleId: z.string().optional(),
    category: CategorySchema,
    field: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string().openapi({ description: 'Exactly the marked text of that field.' }),
    note: z.string().optional(),
    at: z.string(),
    keyId: z.string(),
  })
  .openapi('Feedback');

export const ProposalsSchema = z
  .object({
    proposals: z.array(
      z.object({
        kind: z.enum(['exception', 'term']).openapi({ description: 'exception: false alarms of one rule on one text; term: missed passages of one category and text.' }),
        ruleId: z.string().optional(),
        category: CategorySchema,
        text: z.string(),
        count: z.number().int().positive(),
        adIds: z.array(z.string()),
      }),
    ),
    resolvedMarks: z.number().int().nonnegative().openapi({ description: 'Marks the running rules no longer get wrong (left out of the proposals).' }),
  })
  .openapi('FeedbackProposals');

export const ExportQuery = z.object({
  cursor: z.string().max(2048).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: 'From the `Link: <…>; rel="next"` header of the previous page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(500)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'Decided versions per page, 1–1000 (default 500).' }),
});

