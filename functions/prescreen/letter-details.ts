/** The organiser's details for the letters (CLI options, API upload fields), checked in one place. */
import { PrescreenInputError } from './errors.js';
import type { LetterDetails } from './types.js';

export const LETTER_LIMITS = { fairName: 100, contact: 200 } as const;

/** Blank values are absent; too long or a deadline that is no calendar date is the caller's to fix. */
export function letterDetails(input: { fairName?: string; contact?: string; deadline?: string }): LetterDetails {
  const details: LetterDetails = {};
  for (const name of ['fairName', 'contact'] as const) {
    const value = input[name]?.trim();
    if (!value) continue;
    if (value.length > LETTER_LIMITS[name]) throw new PrescreenInputError(`${name} is at most ${LETTER_LIMITS[name]} characters`);
    details[name] = value;
  }
  const deadline = input.deadline?.trim();
  if (deadline) {
    const day = new Date(`${deadline}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(deadline)) {
      throw new PrescreenInputError('deadline must be a date as YYYY-MM-DD, e.g. 2026-03-15');
    }
    details.deadline = deadline;
  }
  return details;
}
