/** Which reader a file needs: by its first bytes (a zip is XLSX whatever its name), else by its extension. */
import { extname } from 'node:path';
import { PrescreenInputError } from './errors.js';
import { sourceHead, type ByteSource } from './source.js';
import type { InputFormat } from './types.js';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

export async function detectFormat(source: ByteSource): Promise<InputFormat> {
  const head = await sourceHead(source, 512);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    // The OLE container: Excel 97–2003 .xls, or an .xlsx protected with a password.
    throw new PrescreenInputError('old Excel .xls (or password-protected) workbooks are not read: save the sheet as .xlsx or CSV (另存为 .xlsx 或 CSV)');
  }
  const byName = BY_EXTENSION[extname(source.name).toLowerCase()];
  if (byName) return byName;
  const first = Buffer.from(head).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart()[0];
  if (first === '{') return 'jsonl';
  if (first === '[') return 'json';
  return 'csv';
}
