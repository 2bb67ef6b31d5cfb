// The signature ceiling in docs/benchmarks.md is only a ceiling if every signature was checked
// and accepted, on this thread and on the engine's worker pool alike.
import { describe, expect, it } from 'vitest';
import { cpuCeilingSentence } from '../bench/cometbft-network.ts';
import {
  measureSignatureCeiling,
  measureVerifyRates,
  rawBound,
  signatureCeilingLines,
} from '../bench/signature-ceiling.ts';
import { signedAnchors } from '../bench/signed-anchors.ts';
import { decodeTx } from '../src/core/tx-node.ts';

describe('the signature-ceiling benchmark', () => {
  it('verifies every signed tx on one thread and on the worker pool and reports both rates', async () => {
    const c = await measureSignatureCeiling(300, 2);
    expect(c.txs).toBe(300);
    expect(c.threads).toBe(2);
    expect(c.microsPerVerify).toBeGreaterThan(0);
    expect(Math.abs(c.perCorePerSecond * c.microsPerVerify - 1e6)).toBeLessThan(1e4);
    expect(c.poolPerSecond).toBeGreaterThan(0);
  });

  it('refuses to report a rate when a signature does not verify', async () => {
    const canonical = signedAnchors('bench-signatures', 20, 4)
      .flat()
      .map((b) => decodeTx(b).canonical);
    // Another label under the same signature: the signed bytes changed, the signature did not.
    canonical[7] = canonical[7]!.replace(/"label":"bench \d+"/, '"label":"tampered"');
    expect(canonical[7]).toContain('"label":"tampered"');
    await expect(measureVerifyRates(canonical, 2)).rejects.toThrow('1 signatures did not verify');
  });
});

describe('the CPU ceiling sentence of the CometBFT benchmark', () => {
  it('divides the cores’ CPU by the measured CPU per tx and by two lower bounds', () => {
    const sentence = cpuCeilingSentence(
      { offeredTxPerSecond: 700, cpuMsPerTx: { apps: 1.8, cometbft: 1.1, loadGenerator: 0.1 } },
      2,
      4,
      125,
      0.3,
    );
    // 2,000 ms ÷ 3.0 ms = 666 tx/s; 4 × 0.3 + 1.2 = 2.4 ms → 833 tx/s; 4 × 0.125 + 1.2 = 1.7 ms → 1,176 tx/s.
    expect(sentence).toContain('spent 3.00 ms of CPU per tx (CometBFT and the load generator 1.20 ms of it)');
    expect(sentence).toContain('could not pass 666 tx/s');
    expect(sentence).toContain('(0.3 ms, measured in process');
    expect(sentence).toContain('it would take 2.40 ms: at most 833 tx/s');
    expect(sentence).toContain('(4 × 125 µs): 1.70 ms, at most 1,176 tx/s');
  });
});

describe('the signature-ceiling lines', () => {
  it('state both bounds: threads × the one-thread rate, and the pool’s rate', () => {
    const c = { txs: 100, microsPerVerify: 125, perCorePerSecond: 8_000, threads: 2, poolPerSecond: 12_500 };
    expect(rawBound(c)).toBe(16_000);
    const text = signatureCeilingLines(c).join('\n');
    expect(text).toContain('could reach at most 16000 tx/s (2 × the one-thread rate)');
    expect(text).toContain('reaches 12500 tx/s');
    expect(text).toContain('the pool reaches 50% of that here');
  });
});
