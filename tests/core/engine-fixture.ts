/** One engine for all core tests: loading jieba's dictionary once keeps the suite fast. */
import { getEngine } from '../../functions/engine.js';
import type { Verdict } from '../../functions/core/verdict.js';

export const engine = getEngine();

/**
 * A passage checked as an ad's description. Tests of passages see the findings on text: a short phrase lacks
 * most of what a posting must state, and those notices are tested where completeness is (detectors/completeness).
 */
export const check = (description: string, title = '招聘'): Verdict => withoutNotices(engine.check({ title, description }));

export const withoutNotices = (verdict: Verdict): Verdict => ({ ...verdict, findings: verdict.findings.filter((f) => f.severity !== 'notice') });
