/** What the self-check page calls a decision: said to the employer who will post the ad, not to a moderator. */
import type { Decision } from '../core/categories.js';

export const DECISION_TEXT: Record<Decision, string> = {
  approve: '可以发布',
  review: '需人工复核',
  reject: '会被驳回',
};
