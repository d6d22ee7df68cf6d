/**
 * The campus-fair prescreen: reads a spreadsheet of job ads row by row, checks each with the engine,
 * validates credit codes, finds duplicates and groups the jobs by exhibitor.
 *
 * Rows stream through; what stays in memory is the results (decisions, findings and the text around them),
 * the duplicate hashes and, for XLSX, the workbook's shared strings.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CATEGORIES, DECISIONS, type Category } from '../core/categories.js';
import { getEngine, type Engine } from '../engine.js';
import { checkCreditCode } from './credit-code.js';
import { detectFormat } from './detect-format.js';
import { DuplicateFinder } from './duplicates.js';
import { PrescreenInputError } from './errors.js';
import { groupExhibitors } from './exhibitors.js';
import { makeExcerpts } from './excerpts.js';
import type { ColumnPlan, ColumnTarget } from './header-map.js';
import { mapRecords, mapTable } from './map-rows.js';
import { readCsv } from './read-csv.js';
import { readJsonArray, readJsonLines } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import { ownString } from './own-string.js';
import { rowAd } from './row-ad.js';
import { sourceSize, type ByteSource, type ReadProgress } from './source.js';
import type { DetectedEncoding } from './decode-text.js';
import { EXHIBITOR_OUTCOMES, type Exhibitor, type InputFormat, type InputRow, type LetterDetails, type PrescreenResult, type PrescreenSummary, type RowError, type RowResult } from './types.js';

export interface PrescreenOptions {
  format?: InputFormat;
  encoding?: DetectedEncoding;
  map?: ReadonlyMap<string, ColumnTarget>;
  engine?: Pick<Engine, 'check' | 'info'>;
  /** Refuse inputs with more data rows than this (the API's limit). */
  maxRows?: number;
  /** The fair, whom to contact and the deadline, for the letters. */
  letter?: LetterDetails;
  /** Called every few hundred rows with rows done and the fraction of the input read. */
  onProgress?: (rows: number, fraction: number) => void;
}

/** Rows between yields to the event loop: lets a progress bar draw and an HTTP server breathe. */
const YIELD_EVERY = 250;

interface OpenedInput {
  rows: AsyncIterable<InputRow>;
  plan: () => ColumnPlan | undefined;
  encoding?: string;
  headerRow?: number;
}

async function openInput(source: ByteSource, format: InputFormat, options: PrescreenOptions, progress: ReadProgress): Promise<OpenedInput> {
  if (format === 'xlsx' || format === 'csv') {
    const reader = format === 'xlsx' ? await readXlsx(source, progress) : await readCsv(source, { encoding: options.encoding }, progress);
    const table = await mapTable(reader.rows, options.map);
    return { rows: table.rows, plan: () => table.plan, encoding: reader.info.encoding, headerRow: table.headerRow };
  }
  const found: { plan?: ColumnPlan } = {};
  const records = format === 'jsonl' ? readJsonLines(source, progress) : readJsonArray(source);
  return { rows: mapRecords(records, options.map, found), plan: () => found.plan };
}

export async function prescreen(source: ByteSource, options: PrescreenOptions = {}): Promise<PrescreenResult> {
  // An unreadable or unknown input fails before the engine's start-up is paid.
  const format = options.format ?? (await detectFormat(source));
  const progress: ReadProgress = { done: 0, total: await sourceSize(source) };
  const input = await openInput(source, format, options, progress);
  const engine = options.engine ?? getEngine();
  // Timed from here: the engine's one-off start-up (lexicons, dictionary) is not the prescreen's.
  const started = performance.now();

  const rows: RowResult[] = [];
  const errors: RowError[] = [];
  const finder = new DuplicateFinder();
  let read = 0;
  let lastRow = input.headerRow ?? 0;
  const iterator = input.rows[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<InputRow>;
    try {
      next = await iterator.next();
    } catch (err) {
      // Nothing read yet: the file as a whole is unreadable, which is the caller's to fix.
      if (read === 0) throw err instanceof PrescreenInputError ? err : new PrescreenInputError(`cannot read ${source.name}: ${(err as Error).message}`);
      // A file that breaks part-way (truncated zip, malformed XML): keep what was read and say where it stopped.
      errors.push({ row: lastRow + 1, reason: `从此行起文件无法继续读取：${(err as Error).message}` });
      break;
    }
    if (next.done) break;
    read++;
    lastRow = next.value.row;
    if (options.maxRows !== undefined && read > options.maxRows) {
      await iterator.return?.(undefined);
      throw new PrescreenInputError(`more than ${options.maxRows} rows: split the file`);
    }
    checkRow(next.value, engine, rows, errors, finder);
    if (read % YIELD_EVERY === 0) {
      options.onProgress?.(read, progress.total ? progress.done / progress.total : 0);
      await yieldToLoop();
    }
  }
  options.onProgress?.(read, 1);

  const duplicates = finder.results();
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const d of duplicates) {
    const first = byRow.get(d.rows[0]!);
    if (d.kind === 'same_ad' && first) d.detail = `${first.company || '（未填写单位名称）'}：${first.title}`;
  }
  const exhibitors = groupExhibitors(rows, errors, duplicates, finder);
  errors.sort((a, b) => a.row - b.row);

  const plan = input.plan();
  const summary: PrescreenSummary = {
    source: source.name,
    format,
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.headerRow ? { headerRow: input.headerRow } : {}),
    columns: plan?.columns.map(({ header, field }) => ({ header, field })) ?? [],
    ignoredColumns: plan?.ignored ?? [],
    rows: read,
    checked: rows.length,
    errors: errors.length,
    decisions: Object.fromEntries(DECISIONS.map((d) => [d, rows.filter((r) => r.decision === d).length])) as PrescreenSummary['decisions'],
    exhibitors: countOutcomes(exhibitors),
    categories: countCategories(rows),
    creditCodes: {
      valid: exhibitors.filter((e) => e.creditCodeValid === true).length,
      invalid: exhibitors.filter((e) => e.creditCodeValid === false).length,
      missing: exhibitors.filter((e) => e.creditCodeValid === null).length,
    },
    duplicates: duplicates.length,
    ...(options.letter && Object.keys(options.letter).length ? { letter: options.letter } : {}),
    lexiconVersion: engine.info().version,
    checkedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
  return { summary, rows, errors, duplicates, exhibitors };
}

function checkRow(item: InputRow, engine: Pick<Engine, 'check'>, rows: RowResult[], errors: RowError[], finder: DuplicateFinder): void {
  const company = item.fields.company === undefined ? undefined : ownString(item.fields.company);
  const rawCode = item.fields.creditCode;
  const code = rawCode ? checkCreditCode(rawCode) : undefined;
  const built = rowAd(item, code?.code);
  if ('reason' in built) {
    const title = item.fields.title === undefined ? undefined : ownString(item.fields.title).trim();
    errors.push({
      row: item.row,
      reason: built.reason,
      ...(company ? { company } : {}),
      ...(code ? { creditCode: ownString(code.code) } : {}),
      // A title over the length limit is itself the problem: it is not repeated in the letter.
      ...(title && title.length <= 200 ? { title } : {}),
    });
    return;
  }
  const { ad } = built;
  const verdict = engine.check(ad);
  finder.add(item.row, { name: company, code: code?.code }, ad.title ?? '', ad.description);
  // Only copies are kept (see own-string.ts): the ad's full text is dropped after this row.
  rows.push({
    row: item.row,
    company: company ?? '',
    creditCode: code ? ownString(code.code) : null,
    creditCodeValid: code ? code.valid : null,
    ...(code?.problem ? { creditCodeProblem: code.problem } : {}),
    title: ownString(ad.title ?? ''),
    decision: verdict.decision,
    categories: [...new Set(verdict.findings.map((f) => f.category))],
    findings: verdict.findings.map((f) => ({ ...f, text: ownString(f.text) })),
    excerpts: makeExcerpts(ad, verdict.findings),
  });
}

export function countOutcomes(exhibitors: readonly Exhibitor[]): PrescreenSummary['exhibitors'] {
  const counts = { total: exhibitors.length, pass: 0, fix: 0, refuse: 0 };
  for (const outcome of EXHIBITOR_OUTCOMES) counts[outcome] = exhibitors.filter((e) => e.outcome === outcome).length;
  return counts;
}

function countCategories(rows: RowResult[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const r of rows) for (const f of r.findings) counts[f.category]++;
  return counts;
}
