// Test helper: swaps a test chain's engine for one whose block clock the test moves, so validity
// dates can pass without waiting days. Everything here is test-only.
import { EmbeddedEngine } from '../../engines/embedded/embedded-engine.ts';
import type { TestChain, TestKey } from '../../testing/test-chain.ts';

export interface ClockedEngine {
  engine: EmbeddedEngine;
  /** Moves the block clock forward. */
  advanceDays(days: number): void;
  send(key: TestKey, type: string, body: unknown): Promise<{ code: number; error: string; height: number }>;
  /** Waits for an (empty) block at the current clock. */
  nextBlock(): Promise<number>;
  stop(): Promise<void>;
}

export async function clockedEngine(chain: TestChain): Promise<ClockedEngine> {
  await chain.engine.stop();
  let clock = Math.max(
    Date.now(),
    Date.parse(chain.app.store.block(chain.app.lastHeight)?.header.time ?? '1970-01-01T00:00:00.000Z'),
  );
  const emptyBlockIntervalMs = 60_000;
  const engine = new EmbeddedEngine({
    app: chain.app,
    nodeKey: chain.nodeKey,
    blockIntervalMs: 5,
    emptyBlockIntervalMs,
    now: () => clock,
  });
  engine.start();
  return {
    engine,
    advanceDays(days) {
      clock += days * 24 * 3600 * 1000;
    },
    async send(key, type, body) {
      const check = await engine.submit(chain.sign(key, type, body));
      if (check.code !== 0) return { code: check.code, error: check.error, height: chain.app.lastHeight };
      const c = await engine.waitForCommit(check.hash);
      return { code: c.result.code, error: c.result.error, height: c.height };
    },
    async nextBlock() {
      const start = chain.app.lastHeight;
      // An empty block follows once the clock is past the empty-block interval.
      clock += emptyBlockIntervalMs + 1;
      while (chain.app.lastHeight === start) await new Promise((r) => setTimeout(r, 5));
      return chain.app.lastHeight;
    },
    stop: () => engine.stop(),
  };
}
