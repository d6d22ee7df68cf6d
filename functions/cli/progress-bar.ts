/** A one-line progress bar redrawn in place on a terminal; nothing at all when the stream is not a TTY. */
export interface ProgressBar {
  tick(detail?: string): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream, total: number, label: string): ProgressBar {
  if (!stream.isTTY || total <= 0) return { tick() {}, done() {} };
  let count = 0;
  let lastDraw = 0;
  const draw = (detail = '') => {
    const filled = Math.round((Math.min(count, total) / total) * WIDTH);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count}/${total}${detail ? ` ${detail}` : ''}\x1b[K`);
  };
  return {
    tick(detail) {
      count++;
      // At most ~20 redraws a second: a fast run is not slowed down by its own bar.
      const now = Date.now();
      if (now - lastDraw >= 50 || count === total) {
        lastDraw = now;
        draw(detail);
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
