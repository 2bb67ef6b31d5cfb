// One real CometBFT node driving our ABCI server with the counter app. Without the binary this
// is skipped locally but fails in CI, so CI can never pass without exercising the real engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AbciServer, startAbciServer } from './abci-server.ts';
import { setTomlValues } from './config-toml.ts';
import { createCounterApp, REJECTED_CODE } from './counter-app.fixture.ts';
import {
  type CometbftNode,
  cometRpc,
  FAST_LOCAL_CONSENSUS,
  findFreePort,
  initCometbftHome,
  inspectCometbftBinary,
  startCometbft,
  waitForHeight,
} from './process.ts';

const binary = inspectCometbftBinary();
const inCi = process.env.CI === 'true' || process.env.CI === '1';

interface BroadcastCommitResult {
  check_tx: { code: number };
  tx_result: { code: number; events: { type: string; attributes: { key: string; value: string }[] }[] };
  height: string;
}

describe('CometBFT single node with the ABCI server', () => {
  const app = createCounterApp();
  const fatal: Error[] = [];
  let server: AbciServer | undefined;
  let node: CometbftNode | undefined;
  let home: string | undefined;

  afterAll(async () => {
    await node?.stop();
    await server?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it.skipIf(!binary.usable && !inCi)(
    'produces blocks and delivers a broadcast tx to FinalizeBlock',
    async () => {
      if (!binary.usable) throw new Error(`${binary.problem} (required when CI=true)`);

      home = mkdtempSync(join(tmpdir(), 'ketenboek-cometbft-'));
      await initCometbftHome(home, binary.path);
      setTomlValues(join(home, 'config', 'config.toml'), FAST_LOCAL_CONSENSUS);
      server = await startAbciServer({ app, address: 'tcp://127.0.0.1:0', onFatal: (e) => fatal.push(e) });
      node = startCometbft({
        home,
        binary: binary.path,
        proxyApp: server.address,
        rpcPort: await findFreePort(),
        p2pPort: await findFreePort(),
      });

      await waitForHeight(node, 3);

      const tx = Buffer.from('tx-hallo-utrecht').toString('base64');
      const committed = await cometRpc<BroadcastCommitResult>(node.rpcUrl, 'broadcast_tx_commit', { tx });
      expect(committed.check_tx.code).toBe(0);
      expect(committed.tx_result.code).toBe(0);
      expect(committed.tx_result.events).toContainEqual(
        expect.objectContaining({ type: 'counter.incremented' }),
      );
      const block = app.finalized.find((req) => req.height === Number(committed.height));
      expect(block?.txs.map((t) => Buffer.from(t).toString())).toEqual(['tx-hallo-utrecht']);
      expect(block?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      const rejected = await cometRpc<{ code: number }>(node.rpcUrl, 'broadcast_tx_sync', {
        tx: Buffer.from('not-a-counter-tx').toString('base64'),
      });
      expect(rejected.code).toBe(REJECTED_CODE);

      await waitForHeight(node, Number(committed.height) + 1);
      const query = await cometRpc<{ response: { code: number; value: string } }>(node.rpcUrl, 'abci_query', {
        path: 'count',
        data: '',
      });
      expect(JSON.parse(Buffer.from(query.response.value, 'base64').toString())).toEqual({ count: 1 });
      expect(fatal).toEqual([]);
    },
    120_000,
  );
});
