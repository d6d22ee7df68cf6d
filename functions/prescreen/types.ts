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
  /** The exhibitor, when the row names one, so its section can list the row. */
  company?: string;
  creditCode?: string;
}

export type DuplicateKind = 'same_ad' | 'company_two_codes' | 'code_two_names';

export interface Duplicate {
  kind: DuplicateKind;
  rows: number[];
  /** The company name or code concerned, for the report. */
  detail: string;
}

export type ExhibitorStatus = 'cleared' | 'review' | 'reject';

export interface Exhibitor {
  /** Stable within a batch: `code:…` or `name:…`. */
  key: string;
  name: string;
  creditCodes: string[];
  creditCodeValid: boolean | null;
  status: ExhibitorStatus;
  /** Why the exhibitor needs review beyond its jobs' decisions (credit code, duplicates, bad rows). */
  notes: string[];
  rows: RowResult[];
  errors: RowError[];
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
  exhibitors: { total: number } & Record<ExhibitorStatus, number>;
  /** Findings per category. */
  categories: Record<Category, number>;
  /** Per checked row. */
  creditCodes: { valid: number; invalid: number; missing: number };
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
