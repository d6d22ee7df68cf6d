/** A one-line progress bar on a terminal, redrawn in place at most ten times a second (prescreen, recheck). */
export interface ProgressBar {
  /** `fraction` done (0–1) and what to say after the percentage, e.g. "600 rows". */
  update(fraction: number, detail: string): void;
  clear(): void;
}

const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  let last = 0;
  return {
    update(fraction, detail) {
      const now = Date.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      const filled = Math.round(Math.min(1, fraction) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.round(fraction * 100)}%  ${detail}`);
    },
    clear() {
      stream.write('\r\x1b[2K');
    },
  };
}
