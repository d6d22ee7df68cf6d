/** The finding categories: stable public ids used in lexicons, verdicts, stored data and the API. */
export const CATEGORIES = [
  'gender',
  'marriage_pregnancy',
  'ethnicity',
  'religion',
  'region',
  'health',
  'age',
  'appearance',
  'school_tier',
  'salary_promise',
  'fee_charging',
  'fraud',
  'labor_rights',
  // A posting that lacks one of the six elements the 2026 notice requires (a notice by default: it informs, it does not hold the ad back).
  'incomplete',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Categories whose findings name an attribute of the applicant, which a neutral word (不限, 均可) cancels. */
export const ATTRIBUTE_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['gender', 'marriage_pregnancy', 'ethnicity', 'religion', 'region', 'health', 'age', 'appearance', 'school_tier']);

/** `notice` is shown to everyone but does not change the decision. */
export const SEVERITIES = ['reject', 'review', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DECISIONS = ['approve', 'review', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];
