/**
 * Text decoding for CSV and JSONL. Excel in mainland China saves "CSV" in the ANSI code page, GBK;
 * "CSV UTF-8" adds a BOM; other tools write UTF-8 without one. A BOM decides; otherwise the whole file
 * is checked as strict UTF-8 (a streaming pass, cheap next to the check itself) and read as GB18030,
 * the superset of GBK, if any byte sequence is not UTF-8.
 *
 * Decoding is Node's own TextDecoder (ICU, built into Node and Lambda's runtimes): a JavaScript codec with
 * its tables was a quarter of the Lambda bundle, compiled on every cold start for the rare GBK upload.
 */
import { sourceChunks, sourceHead, type ByteSource, type ReadProgress } from './source.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to drop. */
  bom: number;
}

/** Names accepted by `--encoding` (and `?encoding=`). No prototype: `constructor` or `__proto__` names nothing. */
export const ENCODING_NAMES: Record<string, TextEncoding> = Object.assign(Object.create(null) as Record<string, TextEncoding>, {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
});

/** How the summary names an encoding: GBK is what organizers know it as. */
export function encodingLabel(e: DetectedEncoding): string {
  if (e.encoding === 'gb18030') return 'GBK';
  return e.encoding.toUpperCase() + (e.bom ? ' (BOM)' : '');
}

async function isUtf8(source: ByteSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of sourceChunks(source)) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

export async function detectEncoding(source: ByteSource): Promise<DetectedEncoding> {
  const head = await sourceHead(source, 3);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: (await isUtf8(source)) ? 'utf-8' : 'gb18030', bom: 0 };
}

/**
 * The decoded text in chunks. Bytes that do not decode become U+FFFD, which the row mapper reports
 * as an unreadable cell rather than passing mojibake to the engine.
 */
export async function* decodeChunks(source: ByteSource, detected: DetectedEncoding, progress?: ReadProgress): AsyncGenerator<string> {
  // the BOM is skipped below, by its bytes; a U+FEFF after it is content
  const decoder = new TextDecoder(detected.encoding, { ignoreBOM: true });
  let skip = detected.bom;
  for await (let chunk of sourceChunks(source, progress)) {
    if (skip > 0) {
      const dropped = Math.min(skip, chunk.byteLength);
      chunk = chunk.subarray(dropped);
      skip -= dropped;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
