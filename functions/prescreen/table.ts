/** A row of a spreadsheet as the readers give it: its own row number and its cells as text. */

/** A cell that holds no usable text: an Excel error value (#VALUE!, #REF!) or a CSV record that did not parse. */
export interface CellError {
  error: string;
}
export type Cell = string | CellError;

export interface TableRow {
  /** 1-based, as the spreadsheet shows it: the header is usually row 1. */
  row: number;
  cells: Cell[];
  /** Set when the whole record could not be read; the row is reported with this reason. */
  unreadable?: string;
}

/** What a tabular reader found out about its input, for the summary. */
export interface TableInfo {
  encoding?: string;
  sheet?: string;
}

export interface TableReader {
  info: TableInfo;
  rows: AsyncIterable<TableRow>;
}
