/** Where a prescreen reads its bytes from: a file (CLI) or a request body (API), read in chunks. */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type ByteSource = { name: string; path: string } | { name: string; data: Uint8Array };

/** How far the reader got, for the progress bar: `done` of `total` bytes of the part being read. */
export interface ReadProgress {
  done: number;
  total: number;
}

const CHUNK = 64 * 1024;

export async function sourceSize(source: ByteSource): Promise<number> {
  return 'data' in source ? source.data.byteLength : (await stat(source.path)).size;
}

/** The source's bytes in chunks, counted into `progress`; a buffer is sliced too, so callers can yield between chunks. */
export async function* sourceChunks(source: ByteSource, progress?: ReadProgress): AsyncGenerator<Uint8Array> {
  if ('data' in source) {
    for (let at = 0; at < source.data.byteLength; at += CHUNK) {
      const chunk = source.data.subarray(at, at + CHUNK);
      if (progress) progress.done += chunk.byteLength;
      yield chunk;
    }
    return;
  }
  for await (const chunk of createReadStream(source.path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (progress) progress.done += chunk.byteLength;
    yield chunk;
  }
}

/** The first bytes, for format and encoding sniffing. */
export async function sourceHead(source: ByteSource, length: number): Promise<Uint8Array> {
  if ('data' in source) return source.data.subarray(0, length);
  const handle = await open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
