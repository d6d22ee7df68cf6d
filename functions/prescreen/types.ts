/** The data a prescreen run passes between its stages: rows read, rows checked, the batch result. */
import type { Category, Decision } from '../core/categories.js';
import type { Finding } from '../core/verdict.js';
import type { PrescreenField } from './header-map.js';

export type InputFormat = 'csv' | 'xlsx' | 'jsonl' | 'json';

/** One data row after header mapping: the spreadsheet's own row number and the mapped text. */
export interface InputRow {
  row: number;
  fields: Partial<Record<PrescreenField, string>>;
  /** The column each field came from (月薪 or 年薪 says what a bare 20-30 means). */
  headers?: Partial<Record<PrescreenField, string>>;
  /** Cells that could not be read (encoding errors, #VALUE!, nested JSON): the row is reported, not checked. */
  problems: string[];
}

/** A stretch of one field around its findings, with the findings' offsets moved into it. */
export interface Excerpt {
  field: string;
  text: string;
  /** True when the field text goes on before / after the excerpt (shown as "…"). */
  cutBefore: boolean;
  cutAfter: boolean;
  marks: { start: number; end: number; index: number }[];
}

/** A checked job ad: the JSON row contract plus what the reports show. */
export interface RowResult {
  row: number;
  company: string;
  creditCode: string | null;
  creditCodeValid: boolean | null;
  creditCodeProblem?: string;
  title: string;
  decision: Decision;
  categories: Category[];
  findings: Finding[];
  /** For the HTML report: only the text around findings is kept, so memory follows findings, not file size. */
  excerpts: Excerpt[];
}

/** A row that could not be checked, reported with its row number and skipped. */
export interface RowError {
  row: number;
  reason: string;
  /** What the row still says of itself, so its exhibitor's letter can name the job and the code. */
  company?: string;
  creditCode?: string;
  title?: string;
}

export type DuplicateKind = 'same_ad' | 'company_two_codes' | 'code_two_names';

export interface Duplicate {
  kind: DuplicateKind;
  rows: number[];
  /** The company name or code concerned, for the report. */
  detail: string;
}

/**
 * What the career centre tells an exhibitor: `pass` (通过); `fix` (需整改: wording to change, a code to
 * correct or supply, rows to re-enter); `refuse` (不予参展: fraud, or fees charged to applicants, which no
 * rewording makes lawful).
 */
export const EXHIBITOR_OUTCOMES = ['pass', 'fix', 'refuse'] as const;
export type ExhibitorOutcome = (typeof EXHIBITOR_OUTCOMES)[number];

export type ProblemKind =
  /** A job with fraud or fees charged to applicants (the engine's reject): the exhibitor is refused. */
  | 'fraud'
  | 'fee'
  /** A job the engine suspects of fraud or fees (review): to be explained, not reworded. */
  | 'suspected'
  /** A job whose wording breaks the rules (discrimination, pay promises, labour rights): to be reworded. */
  | 'wording'
  | 'code_missing'
  | 'code_invalid'
  /** Rows that could not be read: to be entered again. */
  | 'unreadable'
  | 'duplicate_post'
  | 'company_two_codes'
  | 'code_two_names';

/** One thing an exhibitor must act on, in words fit for its letter (no row numbers: `rows` is for the organiser). */
export interface ExhibitorProblem {
  kind: ProblemKind;
  text: string;
  /** The spreadsheet rows concerned, for the organiser's summary and the CSV. */
  rows: number[];
  /** code_invalid: the code, and whether it looks damaged by Excel (scientific notation, lost digits). */
  code?: string;
  excel?: boolean;
}

export interface Exhibitor {
  /** Stable within a batch: `code:…` or `name:…`. */
  key: string;
  name: string;
  creditCodes: string[];
  creditCodeValid: boolean | null;
  outcome: ExhibitorOutcome;
  problems: ExhibitorProblem[];
  rows: RowResult[];
  errors: RowError[];
}

/** A job as an exhibitor's summary lists it: an unreadable row has no decision, and says why. */
export interface ExhibitorJob {
  row: number;
  title: string;
  decision: Decision | null;
  reason?: string;
}

/** What the letters say besides the findings: given by the organiser (`--fair-name`, `--contact`, `--deadline`). */
export interface LetterDetails {
  fairName?: string;
  contact?: string;
  /** YYYY-MM-DD: the day corrections are due. */
  deadline?: string;
}

export interface PrescreenSummary {
  source: string;
  format: InputFormat;
  encoding?: string;
  headerRow?: number;
  columns: { header: string; field: PrescreenField }[];
  ignoredColumns: string[];
  /** Non-empty data rows read. */
  rows: number;
  checked: number;
  errors: number;
  decisions: Record<Decision, number>;
  exhibitors: { total: number } & Record<ExhibitorOutcome, number>;
  /** Findings per category. */
  categories: Record<Category, number>;
  /** Per exhibitor: all its codes valid, one invalid, none given. */
  creditCodes: { valid: number; invalid: number; missing: number };
  letter?: LetterDetails;
  duplicates: number;
  lexiconVersion: string;
  checkedAt: string;
  durationMs: number;
}

export interface PrescreenResult {
  summary: PrescreenSummary;
  rows: RowResult[];
  errors: RowError[];
  duplicates: Duplicate[];
  exhibitors: Exhibitor[];
}
