import { describe, expect, it } from 'vitest';
import { explainCometbftExit } from './start-cometbft-node.ts';

describe('why CometBFT stopped, in words a partner can act on', () => {
  it('finds the app-hash mismatch at the top of a long replay panic', () => {
    const panic = [
      'I[2026-11-28|10:00:00.000] ABCI Handshake App Info module=consensus height=41',
      'panic: state.AppHash does not match AppHash after replay. Got',
      '3B2F..., expected 9A1C....',
      '',
      'State: {...}',
      ...Array.from({ length: 200 }, (_, i) => `goroutine ${i} [running]:`),
    ].join('\n');
    const message = explainCometbftExit(2, panic);
    expect(message).toMatch(/^CometBFT stopped \(2\) on an app-hash mismatch/);
    expect(message).toContain('restore it from a partner or rebuild it from blocks');
    expect(message).toContain('panic: state.AppHash does not match AppHash after replay');
  });

  it('shows the end of the log for any other exit', () => {
    const message = explainCometbftExit(
      1,
      'line 1\nError: listen tcp 127.0.0.1:26657: bind: address already in use',
    );
    expect(message).toMatch(/^CometBFT exited unexpectedly \(1\)/);
    expect(message).toContain('address already in use');
  });
});
