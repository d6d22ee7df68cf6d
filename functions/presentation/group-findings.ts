/**
 * Findings grouped for reading: one rule that hits five times is one entry with one message, one legal
 * basis and one suggestion, listing its five passages. Groups are numbered in the order their first hit
 * appears in the verdict; every mark in the text carries its group's number, so mark and list agree.
 */
import type { Finding } from '../core/verdict.js';

export interface FindingHit<F extends Finding> {
  finding: F;
  /** Position in the verdict's findings. */
  index: number;
}

export interface FindingGroup<F extends Finding> {
  /** 1-based, as shown beside the marks and the list entry. */
  number: number;
  /** The first hit's finding: rule, category, severity, message, legal basis and suggestion of the group. */
  lead: F;
  hits: FindingHit<F>[];
}

/** A rule can word its message per hit (a missing element, a number): hits group only when the wording is the same. */
const groupKey = (f: Finding) => `${f.ruleId}\u0000${f.category}\u0000${f.severity}\u0000${f.message}`;

export function groupFindings<F extends Finding>(findings: readonly F[]): FindingGroup<F>[] {
  const groups = new Map<string, FindingGroup<F>>();
  findings.forEach((finding, index) => {
    const key = groupKey(finding);
    let group = groups.get(key);
    if (!group) {
      group = { number: groups.size + 1, lead: finding, hits: [] };
      groups.set(key, group);
    }
    group.hits.push({ finding, index });
  });
  return [...groups.values()];
}

/** The group number of every finding, by its position in the verdict. */
export function groupNumbers(groups: readonly FindingGroup<Finding>[]): number[] {
  const numbers: number[] = [];
  for (const g of groups) for (const h of g.hits) numbers[h.index] = g.number;
  return numbers;
}
