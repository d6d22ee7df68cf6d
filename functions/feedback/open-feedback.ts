/**
 * Which marks the current rules still get wrong: a false alarm stays open while the rules still find that
 * rule on that span of the marked version; a missed passage stays open until they find something of that
 * category on it. Proposals are made from the open marks only, so an edit that fixes them (and is running)
 * takes them off the list. The marked versions are read through `load`; the check is the caller's engine.
 */
import type { Ad } from '../core/ad.js';
import type { Verdict } from '../core/verdict.js';
import type { FeedbackRecord } from '../store/model.js';

type Mark = Pick<FeedbackRecord, 'adId' | 'version' | 'kind' | 'ruleId' | 'category' | 'field' | 'start' | 'end'>;

/** True while `verdict` (the current rules on the marked version) still has what the mark says is wrong. */
export function stillWrong(mark: Mark, verdict: Verdict): boolean {
  const overlapping = verdict.findings.filter((f) => f.field === mark.field && f.start < mark.end && mark.start < f.end);
  return mark.kind === 'false_alarm' ? overlapping.some((f) => f.ruleId === mark.ruleId) : !overlapping.some((f) => f.category === mark.category);
}

/** Versions read at once: enough to overlap the reads, few enough to be gentle on the table. */
const BATCH = 10;

export async function openFeedback<M extends Mark>(
  marks: readonly M[],
  load: (adId: string, version: number) => Promise<Ad>,
  check: (ad: Ad) => Verdict,
): Promise<{ open: M[]; resolved: number }> {
  const keys = [...new Set(marks.map((m) => `${m.adId}\u0000${m.version}`))];
  const verdicts = new Map<string, Verdict>();
  for (let i = 0; i < keys.length; i += BATCH) {
    await Promise.all(
      keys.slice(i, i + BATCH).map(async (key) => {
        const [adId, version] = key.split('\u0000');
        verdicts.set(key, check(await load(adId!, Number(version))));
      }),
    );
  }
  const open = marks.filter((m) => stillWrong(m, verdicts.get(`${m.adId}\u0000${m.version}`)!));
  return { open, resolved: marks.length - open.length };
}
