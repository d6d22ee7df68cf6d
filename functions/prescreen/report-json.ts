/**
 * `--json`: `{ summary, exhibitors, rows, errors, duplicates }`, written an item at a time so a large batch
 * is never one giant string. Rows carry the engine's decision and findings unchanged; exhibitors carry
 * the outcome and the problems their letter names.
 */
import { checkCreditCode } from './credit-code.js';
import { exhibitorJobs } from './exhibitors.js';
import type { Exhibitor, ExhibitorJob, PrescreenResult, RowError, RowResult } from './types.js';

export function jsonRow(r: RowResult) {
  return {
    row: r.row,
    company: r.company,
    creditCode: r.creditCode,
    creditCodeValid: r.creditCodeValid,
    ...(r.creditCodeProblem ? { creditCodeProblem: r.creditCodeProblem } : {}),
    title: r.title,
    decision: r.decision,
    categories: r.categories,
    findings: r.findings,
  };
}

/** An unreadable row: why, and what it still says of itself (company, title, the state of its code). */
export function jsonError(e: RowError) {
  return {
    row: e.row,
    reason: e.reason,
    ...(e.company ? { company: e.company } : {}),
    ...(e.title ? { title: e.title } : {}),
    ...(e.creditCode ? { creditCode: e.creditCode, creditCodeValid: checkCreditCode(e.creditCode).valid } : {}),
  };
}

/** An exhibitor: its outcome, its jobs (an unreadable one has no decision, and the reason), and its problems. */
export function jsonExhibitor(x: Pick<Exhibitor, 'name' | 'creditCodes' | 'outcome' | 'problems'> & { jobs: ExhibitorJob[] }) {
  return { company: x.name, creditCode: x.creditCodes[0] ?? null, outcome: x.outcome, jobs: x.jobs, problems: x.problems };
}

function* list<T>(items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  for (const [i, item] of items.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(toJson(item))}`;
  if (items.length) yield '\n  ';
}

export function* jsonReport(result: PrescreenResult): Generator<string> {
  yield `{\n  "summary": ${JSON.stringify(result.summary)},\n  "exhibitors": [`;
  yield* list(result.exhibitors, (x) => jsonExhibitor({ ...x, jobs: exhibitorJobs(x) }));
  yield '],\n  "rows": [';
  yield* list(result.rows, jsonRow);
  yield '],\n  "errors": [';
  yield* list(result.errors, jsonError);
  yield '],\n  "duplicates": [';
  yield* list(result.duplicates, ({ rows, kind, detail }) => ({ rows, kind, detail }));
  yield ']\n}\n';
}
