/**
 * `--json`: `{ summary, rows, errors, duplicates }`, written a row at a time so a large batch is never one
 * giant string. Rows carry the engine's decision and findings unchanged.
 */
import type { PrescreenResult, RowResult } from './types.js';

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

function* list<T>(items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  for (const [i, item] of items.entries()) yield `${i ? ',' : ''}\n    ${JSON.stringify(toJson(item))}`;
  if (items.length) yield '\n  ';
}

export function* jsonReport(result: PrescreenResult): Generator<string> {
  yield `{\n  "summary": ${JSON.stringify(result.summary)},\n  "rows": [`;
  yield* list(result.rows, jsonRow);
  yield '],\n  "errors": [';
  yield* list(result.errors, ({ row, reason }) => ({ row, reason }));
  yield '],\n  "duplicates": [';
  yield* list(result.duplicates, ({ rows, kind, detail }) => ({ rows, kind, detail }));
  yield ']\n}\n';
}
