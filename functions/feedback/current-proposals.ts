/** The proposals of the marks the running rules still get wrong (see open-feedback.ts), and how many they already fix. */
import type { Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import type { FeedbackStore } from '../store/feedback.js';
import { openFeedback } from './open-feedback.js';
import { proposalsFrom, type Proposal } from './proposals.js';

export async function currentProposals(
  feedback: Pick<FeedbackStore, 'all' | 'versionText'>,
  check: (ad: Ad) => Verdict,
): Promise<{ proposals: Proposal[]; resolvedMarks: number }> {
  const { open, resolved } = await openFeedback(await feedback.all(), (adId, version) => feedback.versionText(adId, version), check);
  return { proposals: proposalsFrom(open), resolvedMarks: resolved };
}
