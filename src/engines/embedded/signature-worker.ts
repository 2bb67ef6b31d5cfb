// Worker thread: verifies batches of tx signatures so both cores share the node's hottest work.
import { parentPort } from 'node:worker_threads';
import type { SignedTx } from '../../core/tx.ts';
import { verifyTxSignature } from '../../core/tx-node.ts';

parentPort?.on('message', (msg: { id: number; txs: string[] }) => {
  const ok = msg.txs.map((canonical) => {
    try {
      return verifyTxSignature(JSON.parse(canonical) as SignedTx);
    } catch {
      return false;
    }
  });
  parentPort?.postMessage({ id: msg.id, ok });
});
