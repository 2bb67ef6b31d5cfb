// Independent verify/replay rate of a stored chain (signatures on worker threads, replay on main).
import { verifyChain } from '../src/node/verify-chain.ts';
import { mainThreadCpuMs, mainThreadMsPer } from './thread-cpu.ts';

export async function benchVerify(dbPath: string) {
  const mainStart = mainThreadCpuMs();
  const r = await verifyChain({ dbPath, workers: 2 });
  if (!r.ok) throw new Error(`verify failed at ${r.firstBadHeight}: ${r.reason}`);
  return {
    txs: r.txs,
    blocks: r.height,
    seconds: r.seconds,
    txPerSecond: Math.round(r.txs / r.seconds),
    mainMsPerTx: mainThreadMsPer(mainStart, r.txs),
  };
}
