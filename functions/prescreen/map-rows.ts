/**
 * From table rows and JSON records to `InputRow`s: finds the header row, maps columns to fields,
 * joins multi-column fields and marks cells that cannot be read.
 */
import { describeRequired, planColumns, type ColumnPlan, type ColumnTarget, type PrescreenField } from './header-map.js';
import { PrescreenInputError } from './errors.js';
import type { JsonRecord } from './read-json.js';
import type { Cell, TableRow } from './table.js';
import type { InputRow } from './types.js';

/** Templates often put a title ("2025 春季双选会岗位信息表") and notes above the header. */
const HEADER_SEARCH_ROWS = 10;

const isBlank = (cell: Cell | undefined) => cell === undefined || (typeof cell === 'string' && !cell.trim());
const cellText = (cell: Cell | undefined) => (typeof cell === 'string' ? cell.trim() : '');

/** The row's mapped text, or undefined when every mapped cell is empty (pre-numbered template rows). */
export function toInputRow(source: TableRow, plan: ColumnPlan): InputRow | undefined {
  if (source.unreadable) return { row: source.row, fields: {}, problems: [source.unreadable] };
  const parts = new Map<PrescreenField, { header: string; text: string }[]>();
  const problems: string[] = [];
  let empty = true;
  for (const { index, header, field } of plan.columns) {
    const cell = source.cells[index];
    if (isBlank(cell)) continue;
    empty = false;
    if (typeof cell !== 'string') {
      problems.push(`“${header}”列的单元格无法读取（${cell!.error}）`);
      continue;
    }
    const text = cell.trim();
    // U+FFFD is what a decoder leaves for bytes it could not read: the cell is mojibake, not text.
    if (text.includes('\uFFFD')) {
      problems.push(`“${header}”列含无法识别的字符（文件编码有误或已损坏）`);
      continue;
    }
    const list = parts.get(field) ?? [];
    list.push({ header, text });
    parts.set(field, list);
  }
  if (empty) return undefined;
  const fields: InputRow['fields'] = {};
  const headers: InputRow['headers'] = {};
  for (const [field, list] of parts) headers[field] = list[0]!.header;
  // Several filled columns of one field read as labelled lines: "任职要求：…\n性别要求：男".
  for (const [field, list] of parts) fields[field] = list.length === 1 ? list[0]!.text : list.map((p) => `${p.header}：${p.text}`).join('\n');
  return { row: source.row, fields, headers, problems };
}

function unknownLayout(headers: string[], row: number, plan: ColumnPlan): PrescreenInputError {
  const found = headers.map((h) => h.trim()).filter(Boolean);
  return new PrescreenInputError(
    [
      'unknown layout: no header row names the fields the prescreen needs.',
      `  headers found (row ${row}): ${found.length ? found.join(', ') : '(none)'}`,
      `  missing: ${plan.missing.join(', ')}`,
      `  fields needed: ${describeRequired()}`,
      '  name the columns with --map 列名=field, e.g. --map 名称=company --map 内容=description',
    ].join('\n'),
  );
}

export interface MappedTable {
  plan: ColumnPlan;
  headerRow: number;
  rows: AsyncGenerator<InputRow>;
}

export async function mapTable(rows: AsyncIterable<TableRow>, overrides?: ReadonlyMap<string, ColumnTarget>): Promise<MappedTable> {
  const iterator = rows[Symbol.asyncIterator]();
  const seen: TableRow[] = [];
  let header: { row: TableRow; plan: ColumnPlan } | undefined;
  while (seen.filter((r) => !r.unreadable && !r.cells.every(isBlank)).length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    if (next.value.unreadable || next.value.cells.every(isBlank)) continue;
    const plan = planColumns(next.value.cells.map(cellText), overrides);
    if (plan.missing.length === 0) {
      header = { row: next.value, plan };
      break;
    }
  }
  if (!header) {
    const first = seen.find((r) => !r.unreadable && !r.cells.every(isBlank));
    if (!first) throw new PrescreenInputError('the file has no rows (or none that could be read)');
    const headers = first.cells.map(cellText);
    throw unknownLayout(headers, first.row, planColumns(headers, overrides));
  }
  const { plan, row: headerRow } = header;
  async function* mapped(): AsyncGenerator<InputRow> {
    const rest = { [Symbol.asyncIterator]: () => iterator };
    for await (const row of rest) {
      const input = toInputRow(row, plan);
      if (input) yield input;
    }
  }
  return { plan, headerRow: headerRow.row, rows: mapped() };
}

/** Flattens `{ company: { name, creditCode } }` (the API's ad shape) and turns values into cells. */
function flatten(value: Record<string, unknown>): { headers: string[]; cells: Cell[] } {
  const headers: string[] = [];
  const cells: Cell[] = [];
  const add = (key: string, v: unknown) => {
    headers.push(key);
    if (v === null || v === undefined) cells.push('');
    else if (typeof v === 'string') cells.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') cells.push(String(v));
    else cells.push({ error: '不是文本' });
  };
  for (const [key, v] of Object.entries(value)) {
    if (['company', 'conditions'].includes(key.toLowerCase()) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const [inner, w] of Object.entries(v)) add(`${key.toLowerCase()}.${inner}`, w);
    } else add(key, v);
  }
  return { headers, cells };
}

/**
 * JSON records map by their keys, which may differ from record to record. The first record must name the
 * required fields (else the layout is unknown); a later one that does not is a bad row.
 */
export async function* mapRecords(
  records: AsyncIterable<JsonRecord>,
  overrides?: ReadonlyMap<string, ColumnTarget>,
  /** Receives the first record's plan, for the summary's column list. */
  found: { plan?: ColumnPlan } = {},
): AsyncGenerator<InputRow> {
  const plans = new Map<string, ColumnPlan>();
  let first = true;
  for await (const record of records) {
    if ('unreadable' in record) {
      yield { row: record.row, fields: {}, problems: [record.unreadable] };
      continue;
    }
    const { headers, cells } = flatten(record.value);
    const signature = headers.join('\u0000');
    let plan = plans.get(signature);
    if (!plan) {
      plan = planColumns(headers, overrides);
      plans.set(signature, plan);
    }
    if (plan.missing.length) {
      if (first) throw unknownLayout(headers, record.row, plan);
      yield { row: record.row, fields: {}, problems: [`缺少字段：${plan.missing.join('、')}`] };
      continue;
    }
    if (first) found.plan = plan;
    first = false;
    const input = toInputRow({ row: record.row, cells }, plan);
    if (input) yield input;
  }
}
