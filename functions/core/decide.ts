/** The decision policy: any reject-severity finding → reject; any finding → review; else approve. */
import type { Decision } from './categories.js';
import type { Finding } from './verdict.js';

export function decide(findings: readonly Pick<Finding, 'severity'>[]): Decision {
  if (findings.some((f) => f.severity === 'reject')) return 'reject';
  return findings.length > 0 ? 'review' : 'approve';
}
