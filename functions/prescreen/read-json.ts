/**
 * JSON Lines (one ad object per line) and JSON arrays (the API's JSON body) as records. The row number of
 * a JSON Lines record is its line number; of an array element, its position from 1.
 */
import { decodeChunks, detectEncoding } from './decode-text.js';
import { PrescreenInputError } from './errors.js';
import type { ByteSource, ReadProgress } from './source.js';

export type JsonRecord = { row: number; value: Record<string, unknown> } | { row: number; unreadable: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toRecord(row: number, text: string): JsonRecord {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { row, value } : { row, unreadable: '该行不是 JSON 对象' };
  } catch (err) {
    return { row, unreadable: `该行不是有效的 JSON：${(err as Error).message}` };
  }
}

export async function* readJsonLines(source: ByteSource, progress?: ReadProgress): AsyncGenerator<JsonRecord> {
  let line = 0;
  let pending = '';
  const emit = function* (text: string): Generator<JsonRecord> {
    line++;
    if (text.trim()) yield toRecord(line, text);
  };
  for await (const chunk of decodeChunks(source, await detectEncoding(source), progress)) {
    pending += chunk;
    let at: number;
    while ((at = pending.indexOf('\n')) >= 0) {
      yield* emit(pending.slice(0, at));
      pending = pending.slice(at + 1);
    }
  }
  if (pending) yield* emit(pending);
}

/** A JSON array of ad objects, or an object holding one under `rows` or `ads`. */
export async function* readJsonArray(source: ByteSource): AsyncGenerator<JsonRecord> {
  let text = '';
  for await (const chunk of decodeChunks(source, await detectEncoding(source))) text += chunk;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PrescreenInputError(`not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : isObject(parsed) ? (parsed.rows ?? parsed.ads) : undefined;
  if (!Array.isArray(list)) throw new PrescreenInputError('JSON input must be an array of ad objects, or { "rows": [...] }');
  for (const [i, value] of list.entries()) {
    yield isObject(value) ? { row: i + 1, value } : { row: i + 1, unreadable: '该项不是 JSON 对象' };
  }
}
