// Worker thread: verifies batches of tx signatures so both cores share the node's hottest work.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyCanonicalTxSignature } from '../../core/tx-node.ts';
import { lowerThisThreadPriority } from './thread-priority.ts';

lowerThisThreadPriority((workerData as { niceness?: number } | undefined)?.niceness ?? 0);

parentPort?.on('message', (msg: { id: number; txs: string[] }) => {
  // Each text is a DecodedTx.canonical: the signing bytes are cut from it, not re-encoded.
  const ok = msg.txs.map((canonical) => verifyCanonicalTxSignature(canonical));
  parentPort?.postMessage({ id: msg.id, ok });
});
