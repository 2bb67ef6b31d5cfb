import { describe, expect, it } from 'vitest';
import { LedgerApp } from '../../app/ledger-app.ts';
import type { CheckTxResult } from '../../app/types.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { signTx } from '../../core/tx-node.ts';
import { ALL_MODULES } from '../../modules/registry.ts';
import { buildGenesis, fakeOin } from '../../node/genesis-builder.ts';
import { cometbftAddress } from './cometbft-keys.ts';
import { observeApplication } from './observed-app.ts';

const org = generateKeyPair();
const validator = generateKeyPair();
const genesis = buildGenesis({
  chainId: 'observed-test',
  genesisTime: '2026-01-01T00:00:00.000Z',
  organisations: [
    {
      oin: fakeOin(1),
      name: 'Gemeente Test',
      roles: ['sponsor'],
      keys: [org.publicKey],
      member: true,
      validator: { pubKey: validator.publicKey, power: 10 },
    },
  ],
});
const time = (h: number) => `2026-01-01T00:00:0${h}.000Z`;

function newApp(): LedgerApp {
  const app = new LedgerApp({ dbPath: ':memory:', modules: ALL_MODULES });
  app.initChain(genesis);
  return app;
}

function anchorTx(key: { publicKey: string; privateKey: string }, nonce: number, label: string): Uint8Array {
  const body = { hash: sha256Hex(label), label };
  const tx = signTx(
    { v: 1, chainId: 'observed-test', type: 'anchor.create', signer: key.publicKey, nonce, body },
    key.privateKey,
  );
  return new TextEncoder().encode(canonicalJson(tx));
}

function observed(app: LedgerApp) {
  const events = { committed: [] as number[], refused: [] as CheckTxResult[] };
  const wrapped = observeApplication(app, {
    committed: (h) => events.committed.push(h),
    recheckRefused: (r) => events.refused.push(r),
  });
  return { wrapped, events };
}

describe('the application CometBFT drives', () => {
  it('names the proposer by its validator key, and keeps an unknown address as it is', () => {
    const app = newApp();
    const { wrapped, events } = observed(app);
    const address = cometbftAddress(validator.publicKey).toLowerCase();
    wrapped.finalizeBlock({ height: 1, time: time(1), txs: [], proposer: address });
    wrapped.commit();
    expect(app.store.block(1)?.header.proposer).toBe(validator.publicKey);
    wrapped.finalizeBlock({ height: 2, time: time(2), txs: [], proposer: 'ab'.repeat(20) });
    wrapped.commit();
    expect(app.store.block(2)?.header.proposer).toBe('ab'.repeat(20));
    expect(events.committed).toEqual([1, 2]);
  });

  it('gives the same results and app hash as the bare app, also for txs it decoded at CheckTx', () => {
    const plain = newApp();
    const app = newApp();
    const { wrapped } = observed(app);
    const alice = generateKeyPair();
    const good = anchorTx(alice, 1, 'first');
    const gap = anchorTx(alice, 5, 'nonce gap');
    const garbage = new TextEncoder().encode('{"not":"a tx"}');
    const tampered = new TextEncoder().encode(
      new TextDecoder().decode(anchorTx(alice, 2, 'x')).replace('"x"', '"y"'),
    );
    expect(wrapped.checkTx(good, 'new').code).toBe(0);
    const txs = [good, gap, garbage, tampered];
    const proposer = cometbftAddress(validator.publicKey).toLowerCase();
    const viaWrapper = wrapped.finalizeBlock({ height: 1, time: time(1), txs, proposer });
    const direct = plain.finalizeBlock({ height: 1, time: time(1), txs, proposer: validator.publicKey });
    expect(viaWrapper.txResults).toEqual(direct.txResults);
    expect(viaWrapper.appHash).toBe(direct.appHash);
    expect(viaWrapper.blockHash).toBe(direct.blockHash);
    expect(viaWrapper.txResults.map((r) => r.error)).toEqual([
      '',
      'tx.bad_nonce',
      'tx.malformed',
      'tx.bad_signature',
    ]);
  });

  it('reports a mempool tx that a committed block made invalid when CometBFT rechecks it', () => {
    const app = newApp();
    const { wrapped, events } = observed(app);
    const alice = generateKeyPair();
    const waiting = anchorTx(alice, 1, 'waits in the mempool');
    const competing = anchorTx(alice, 1, 'same nonce, other node');
    expect(wrapped.checkTx(waiting, 'new').code).toBe(0);
    wrapped.finalizeBlock({ height: 1, time: time(1), txs: [competing], proposer: '' });
    wrapped.commit();
    const recheck = wrapped.checkTx(waiting, 'recheck');
    expect(recheck.error).toBe('tx.bad_nonce');
    expect(events.refused.map((r) => r.hash)).toEqual([sha256Hex(waiting)]);
    // A new check is not a recheck: refusing it is the submitter's business, not a dropped tx.
    wrapped.checkTx(competing, 'new');
    expect(events.refused).toHaveLength(1);
  });
});
