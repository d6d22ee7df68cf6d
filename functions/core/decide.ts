/** The decision policy: any reject-severity finding → reject; any review-severity finding → review; else approve (notices inform only). */
import type { Decision } from './categories.js';
import type { Finding } from './verdict.js';

export function decide(findings: readonly Pick<Finding, 'severity'>[]): Decision {
  if (findings.some((f) => f.severity === 'reject')) return 'reject';
  return findings.some((f) => f.severity === 'review') ? 'review' : 'approve';
}
