/** Writes generated text in large blocks: a 10,000-row report is thousands of small strings, never one giant one. */
import { closeSync, openSync, writeSync } from 'node:fs';

const BLOCK = 1 << 20;

export function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size > BLOCK) {
        writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}
