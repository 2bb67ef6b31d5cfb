// The signature-bound ceiling of this machine: how many signed txs per second could be accepted
// if checking each one's Ed25519 signature once were the only work. Every other figure in
// `npm run bench` is read against it, because the goals assume a CPU where that ceiling is
// about 25,000 tx/s on 2 cores, and a slower CPU lowers every goal's reach in proportion.
//
// Measured with the node's own code: `verify` (strict rules + node:crypto) on this thread, and
// the SignatureWorkers pool the engine and `ketenboek verify` use, with this thread otherwise idle.
import { sha256Hex } from '../src/core/hash-node.ts';
import { decodeTx, verifyCanonicalTxSignature } from '../src/core/tx-node.ts';
import { SignatureWorkers } from '../src/engines/embedded/signature-workers.ts';
import { signedAnchors } from './signed-anchors.ts';

export interface SignatureCeiling {
  txs: number;
  /** One thread, nothing else: µs per signed tx (cut the signing bytes, strict rules, verify). */
  microsPerVerify: number;
  /** 1e6 / microsPerVerify: what one core gives. */
  perCorePerSecond: number;
  /** The engine's worker pool with `threads` threads: signed txs per second, all checked. */
  threads: number;
  poolPerSecond: number;
}

export function measureSignatureCeiling(count: number, threads = 2): Promise<SignatureCeiling> {
  return measureVerifyRates(signedCanonicalTxs(count), threads);
}

/** `count` signed anchor txs from 100 accounts, as the canonical texts the node verifies. */
export function signedCanonicalTxs(count: number): string[] {
  return signedAnchors('bench-signatures', count, 100, sha256Hex(String(count)))
    .flat()
    .map((bytes) => decodeTx(bytes).canonical);
}

/**
 * µs per verification on this thread alone, best of three passes: this is a ceiling, and on a
 * shared machine a pass can only be slowed down by others, never sped up. The first pass also
 * warms up, as in a running node. Throws if any signature fails.
 */
export function microsPerVerifyOnOneThread(canonical: string[]): number {
  const onePass = (): number => {
    const start = performance.now();
    let valid = 0;
    for (const c of canonical) if (verifyCanonicalTxSignature(c)) valid++;
    const ms = performance.now() - start;
    if (valid !== canonical.length) throw new Error(`${canonical.length - valid} signatures did not verify`);
    return (ms * 1000) / canonical.length;
  };
  return Math.min(onePass(), onePass(), onePass());
}

/**
 * Verify rates for these canonical signed txs. Throws if any signature fails: a rate is only a
 * ceiling if every signature was really checked and accepted, as in a node's normal work.
 */
export async function measureVerifyRates(canonical: string[], threads: number): Promise<SignatureCeiling> {
  const microsPerVerify = microsPerVerifyOnOneThread(canonical);

  const workers = new SignatureWorkers(threads);
  try {
    await Promise.all(canonical.slice(0, 1_000).map((c) => workers.verify(c))); // warm up
    let seconds = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < 3; pass++) {
      const start = performance.now();
      const results = await Promise.all(canonical.map((c) => workers.verify(c)));
      seconds = Math.min(seconds, (performance.now() - start) / 1000);
      const failed = results.filter((ok) => !ok).length;
      if (failed > 0) throw new Error(`${failed} signatures did not verify on the workers`);
    }
    return {
      txs: canonical.length,
      microsPerVerify: Math.round(microsPerVerify * 10) / 10,
      perCorePerSecond: Math.round(1e6 / microsPerVerify),
      threads,
      poolPerSecond: Math.round(canonical.length / seconds),
    };
  } finally {
    await workers.close();
  }
}

/** What `threads` threads doing nothing but verifying could reach, without any pool overhead. */
export function rawBound(c: SignatureCeiling): number {
  return c.threads * c.perCorePerSecond;
}

/** Markdown lines for docs/benchmarks.md. */
export function signatureCeilingLines(c: SignatureCeiling): string[] {
  return [
    '## Signature-bound ceiling of this machine',
    '',
    '| signed txs | µs per verification (one thread) | per core | worker pool | pool threads |',
    '|---:|---:|---:|---:|---:|',
    `| ${c.txs} | ${c.microsPerVerify} µs | ${c.perCorePerSecond} /s | **${c.poolPerSecond} tx/s** | ${c.threads} |`,
    '',
    `Best of three passes each. ${c.threads} threads doing nothing but these checks could reach at most ${rawBound(c)} tx/s (${c.threads} × the one-thread rate); the node's worker pool, with its message passing, reaches ${c.poolPerSecond} tx/s, and no part of the node that checks every signature once can pass that. The issue's goals assume a ceiling of about 25,000 tx/s on 2 cores (80 µs per verification per core); the pool reaches ${Math.round((c.poolPerSecond / 25_000) * 100)}% of that here. The verification is node:crypto (OpenSSL) after the network's strict RFC 8032 checks (src/core/ed25519-node.ts).`,
    '',
  ];
}
