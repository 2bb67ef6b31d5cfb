// A node killed with SIGKILL under load, many times, loses no acknowledged tx, and the stored
// chain still verifies independently afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/core/canonical.ts';
import { generateKeyPair } from '../src/core/ed25519-node.ts';
import { sha256Hex } from '../src/core/hash-node.ts';
import { signTx } from '../src/core/tx-node.ts';
import { findFreePort } from '../src/engines/cometbft/process.ts';
import { verifyChain } from '../src/node/verify-chain.ts';

const home = mkdtempSync(join(tmpdir(), 'ketenboek-crash-'));
let child: ChildProcess | undefined;
afterAll(() => child?.kill('SIGKILL'));

function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((r) => p.once('exit', () => r()));
}

async function startNode(port: number): Promise<ChildProcess> {
  const p = spawn(
    process.execPath,
    ['bin/ketenboek.js', 'start', '--home', home, '--port', String(port), '--block-interval', '20'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  p.stderr?.on('data', (d) => {
    stderr += d;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (p.exitCode !== null) throw new Error(`node exited: ${stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/v1/status`);
      if (r.ok) return p;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`node did not start: ${stderr}`);
}

describe('crash safety', () => {
  it('keeps every acknowledged tx through repeated SIGKILLs under load, and the chain verifies', async () => {
    const port = await findFreePort();
    const acknowledged: string[] = [];
    let sent = 0;
    for (let round = 0; round < 5; round++) {
      child = await startNode(port);
      const status = (await (await fetch(`http://127.0.0.1:${port}/v1/status`)).json()) as {
        chainId: string;
      };
      let killed = false;
      const load = Array.from({ length: 16 }, async () => {
        while (!killed) {
          const key = generateKeyPair();
          const tx = signTx(
            {
              v: 1,
              chainId: status.chainId,
              type: 'anchor.create',
              signer: key.publicKey,
              nonce: 1,
              body: { hash: sha256Hex(`crash ${round} ${sent++}`), label: 'crash test' },
            },
            key.privateKey,
          );
          try {
            const r = await fetch(`http://127.0.0.1:${port}/v1/transactions?wait=commit`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: canonicalJson(tx),
            });
            const body = (await r.json()) as { hash: string; status: string };
            if (r.status === 201 && body.status === 'committed') acknowledged.push(body.hash);
          } catch {
            // The connection died with the node: this tx was never acknowledged.
          }
        }
      });
      // Kill while txs are in flight: after this round acknowledged some, at a varying moment.
      const target = acknowledged.length + 10;
      const until = Date.now() + 30_000;
      while (acknowledged.length < target && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50 + round * 70));
      child.kill('SIGKILL');
      killed = true;
      await Promise.all(load);
      await exited(child);
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    child = await startNode(port);
    for (const hash of acknowledged) {
      const r = await fetch(`http://127.0.0.1:${port}/v1/transactions/${hash}`);
      expect(r.status, `acknowledged tx ${hash} is missing after restart`).toBe(200);
    }
    child.kill('SIGTERM');
    await exited(child);
    child = undefined;
    const v = await verifyChain({ home, workers: 1 });
    expect(v.ok, v.reason).toBe(true);
    expect(v.txs).toBeGreaterThanOrEqual(acknowledged.length);
  }, 120_000);
});
