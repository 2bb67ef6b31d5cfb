// Worker thread: the only connection that writes blocks to the app store while the node runs.
// Each message is one block; the reply comes after its SQLite transaction (synchronous=FULL) has
// committed, i.e. after the block is on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { AppStore, type BlockCommit } from './app-store.ts';

const store = new AppStore((workerData as { dbPath: string }).dbPath);

parentPort?.on('message', (msg: { id: number; commit: BlockCommit } | { id: number; close: true }) => {
  if ('close' in msg) {
    store.close();
    parentPort?.postMessage({ id: msg.id });
    return;
  }
  try {
    store.commitBlock(msg.commit);
    parentPort?.postMessage({ id: msg.id });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, error: (e as Error).message });
  }
});
