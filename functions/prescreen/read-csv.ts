/**
 * CSV (and Excel's tab-separated "Unicode text") as table rows. The row number is the record number,
 * blank lines included, so it matches the row Excel shows when the file is opened there.
 */
import { parse, type CsvError, type Info } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { decodeChunks, detectEncoding, encodingLabel, type DetectedEncoding } from './decode-text.js';
import type { ByteSource, ReadProgress } from './source.js';
import type { TableReader, TableRow } from './table.js';

/** The separator used most on the first line outside quotes: comma, tab (Excel "Unicode text") or semicolon. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0]]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

async function* records(source: ByteSource, detected: DetectedEncoding, progress?: ReadProgress): AsyncGenerator<TableRow> {
  const chunks = decodeChunks(source, detected, progress);
  const first = await chunks.next();
  if (first.done) return;
  const parser = parse({
    delimiter: detectDelimiter(first.value),
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // A broken record is skipped with a 'skip' event instead of failing the stream and losing the rows after it.
    skip_records_with_error: true,
  });
  const skipped: TableRow[] = [];
  parser.on('skip', (err: CsvError) => {
    skipped.push({ row: Number((err as { records?: unknown }).records ?? 0) + 1, cells: [], unreadable: `CSV 格式错误：${err.message}` });
  });
  pipeline(
    Readable.from((async function* () {
      yield first.value;
      yield* chunks;
    })()),
    parser,
    () => {}, // errors surface through the iteration below
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    while (skipped.length && skipped[0]!.row < info.records) yield skipped.shift()!;
    yield { row: info.records, cells: record };
  }
  yield* skipped;
}

export async function readCsv(source: ByteSource, options: { encoding?: DetectedEncoding } = {}, progress?: ReadProgress): Promise<TableReader> {
  const detected = options.encoding ?? (await detectEncoding(source));
  return { info: { encoding: encodingLabel(detected) }, rows: records(source, detected, progress) };
}
