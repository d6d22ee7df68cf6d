/**
 * XLSX (Excel, WPS) as table rows: the first visible worksheet, read as a stream of rows.
 *
 * The zip is opened through its central directory (yauzl) so the workbook and the shared strings are read
 * before the sheet whatever order the writer stored them in; a single-pass unzip cannot promise that
 * (the race behind exceljs#3064). The sheet XML goes through a SAX parser a chunk at a time, so memory
 * holds the shared strings (the text itself) but never the sheet's XML or a workbook model.
 */
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PrescreenInputError } from './errors.js';
import { ownString } from './own-string.js';
import type { ByteSource, ReadProgress } from './source.js';
import type { Cell, TableReader, TableRow } from './table.js';

/** Refuses zip bombs: a sheet or string table larger than this once inflated is not a job-fair spreadsheet. */
const MAX_PART_BYTES = 512 * 1024 * 1024;

function openZip(source: ByteSource): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile) => (err || !zip ? reject(err) : resolve(zip));
    if ('data' in source) yauzl.fromBuffer(Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength), options, done);
    else yauzl.open(source.path, options, done);
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  if (entry.uncompressedSize > MAX_PART_BYTES) {
    return Promise.reject(new PrescreenInputError(`XLSX part ${entry.fileName} is larger than ${MAX_PART_BYTES >> 20} MiB once unpacked`));
  }
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err) : resolve(stream))));
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Feeds one zip part through a SAX parser, handing its events to `visit`; `onChunk` runs after each chunk so a
 * caller can drain what the events produced. Text inside <rPh> (phonetic guides) is not content and is dropped.
 */
async function* parsePart(
  zip: ZipFile,
  entry: Entry,
  visit: { open?(name: string, attributes: Record<string, string>): void; close?(name: string): void; text?(text: string): void },
  progress?: ReadProgress,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false });
  let phonetic = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'rPh') phonetic++;
    else visit.open?.(name, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'rPh') phonetic--;
    else visit.close?.(name);
  });
  const onText = (text: string) => {
    if (phonetic === 0) visit.text?.(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  const stream = await openEntry(zip, entry);
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    if (progress) progress.done += Buffer.byteLength(chunk);
    parser.write(chunk);
    yield;
  }
  parser.close();
  yield;
}

async function readSharedStrings(zip: ZipFile, entry: Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string | undefined;
  let inText = false;
  for await (const _ of parsePart(zip, entry, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inText = current !== undefined;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'si' && current !== undefined) {
        strings.push(ownString(current));
        current = undefined;
      }
    },
    text: (text) => {
      if (inText) current += text;
    },
  }));
  return strings;
}

const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

/**
 * The first visible sheet's name and part path, and the shared strings part, from workbook.xml and its
 * relationships (writers are free to name the parts).
 */
async function workbookParts(zip: ZipFile, entries: Map<string, Entry>): Promise<{ name: string; path: string; strings?: string }> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new PrescreenInputError('not an Excel workbook: xl/workbook.xml is missing (is this really an .xlsx file?)');
  const sheets: { name: string; rid: string }[] = [];
  for await (const _ of parsePart(zip, workbook, {
    open: (name, a) => {
      if (name === 'sheet' && a.state !== 'hidden' && a.state !== 'veryHidden') {
        const rid = Object.entries(a).find(([k]) => localName(k) === 'id')?.[1];
        if (rid) sheets.push({ name: a.name ?? '', rid });
      }
    },
  }));
  const targets = new Map<string, string>();
  let strings: string | undefined;
  for await (const _ of parsePart(zip, rels, {
    open: (name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      targets.set(a.Id, a.Target);
      if (a.Type?.endsWith('/sharedStrings')) strings = partPath(a.Target);
    },
  }));
  const sheet = sheets[0];
  const target = sheet && targets.get(sheet.rid);
  if (!sheet || !target) throw new PrescreenInputError('the workbook has no visible worksheet');
  return { name: sheet.name, path: partPath(target), strings };
}

/** "AB12" → 27 (0-based column). */
function columnIndex(ref: string): number | undefined {
  const letters = /^[A-Z]+/.exec(ref)?.[0];
  if (!letters) return undefined;
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** Numbers as people typed them: integers without exponent (a 15-digit 9.1E+17 becomes its digits). */
function numberText(v: string): string {
  if (/^-?\d+$/.test(v)) return v;
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

function cellValue(type: string | undefined, value: string, inline: string): Cell {
  switch (type) {
    case 'inlineStr':
      return inline;
    case 'e':
      return { error: value };
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'd':
      return value;
    default:
      return value === '' ? '' : numberText(value);
  }
}

async function* sheetRows(zip: ZipFile, entry: Entry, strings: string[], progress?: ReadProgress): AsyncGenerator<TableRow> {
  if (progress) {
    progress.done = 0;
    progress.total = entry.uncompressedSize;
  }
  const ready: TableRow[] = [];
  let row: TableRow | undefined;
  let lastRow = 0;
  let column = -1;
  let type: string | undefined;
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | undefined;
  const visit = {
    open(name: string, a: Record<string, string>) {
      if (name === 'row') {
        lastRow = a.r ? Number(a.r) : lastRow + 1;
        row = { row: lastRow, cells: [] };
        column = -1;
      } else if (name === 'c') {
        column = (a.r ? columnIndex(a.r) : undefined) ?? column + 1;
        type = a.t;
        value = '';
        inline = '';
      } else if (name === 'v') capture = 'v';
      else if (name === 't') capture = 't';
    },
    close(name: string) {
      if (name === 'v' || name === 't') capture = undefined;
      else if (name === 'c' && row) {
        row.cells[column] = type === 's' ? (strings[Number(value)] ?? { error: `shared string ${value} missing` }) : cellValue(type, value, inline);
      } else if (name === 'row' && row) {
        ready.push(row);
        row = undefined;
      }
    },
    text(text: string) {
      if (capture === 'v') value += text;
      else if (capture === 't') inline += text;
    },
  };
  for await (const _ of parsePart(zip, entry, visit, progress)) {
    // Holes left by cells that were never written read as empty cells.
    for (const r of ready) yield { row: r.row, cells: Array.from(r.cells, (c) => c ?? '') };
    ready.length = 0;
  }
}

export async function readXlsx(source: ByteSource, progress?: ReadProgress): Promise<TableReader> {
  let zip: ZipFile | undefined;
  try {
    zip = await openZip(source);
    const entries = await listEntries(zip);
    const sheet = await workbookParts(zip, entries);
    const sheetEntry = entries.get(sheet.path);
    if (!sheetEntry) throw new PrescreenInputError(`the workbook names ${sheet.path} but the file does not contain it`);
    const strings = await readSharedStrings(zip, entries.get(sheet.strings ?? 'xl/sharedStrings.xml'));
    const open = zip;
    async function* rows(): AsyncGenerator<TableRow> {
      try {
        yield* sheetRows(open, sheetEntry!, strings, progress);
      } finally {
        open.close();
      }
    }
    return { info: { sheet: sheet.name }, rows: rows() };
  } catch (err) {
    zip?.close();
    if (err instanceof PrescreenInputError) throw err;
    throw new PrescreenInputError(`not a readable XLSX file: ${(err as Error).message}`);
  }
}
