// A one-line progress bar on stderr, redrawn in place; only for terminals (pipes and logs get
// the summary line alone).

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export const NO_PROGRESS: Progress = { update() {}, finish() {} };

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      // Redrawing on every block would cost more than verifying it.
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      drawn = true;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(`\r${label} ${bar} ${done}/${total} (${Math.floor(ratio * 100)}%)`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
