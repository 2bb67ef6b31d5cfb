// broadcast_tx_sync answers as CometBFT v0.38 gives them (a local HTTP server plays CometBFT), and
// how each becomes the CheckTxResult every engine returns.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical.ts';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { decodeTx, signTx } from '../../core/tx-node.ts';
import { broadcastTxSync, CometbftUnavailableError } from './broadcast.ts';

const key = generateKeyPair();
const decoded = decodeTx(
  new TextEncoder().encode(
    canonicalJson(
      signTx(
        {
          v: 1,
          chainId: 'test',
          type: 'anchor.create',
          signer: key.publicKey,
          nonce: 3,
          body: { label: 'x' },
        },
        key.privateKey,
      ),
    ),
  ),
);

let answer: unknown;
let received: { method: string; params: { tx: string } } | undefined;
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received = JSON.parse(body);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, ...(answer as object) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const notCommitted = () => false;

describe('broadcastTxSync', () => {
  it('sends the canonical bytes and reports an accepted tx with its hash, signer and nonce', async () => {
    answer = { result: { code: 0, data: '', log: '', codespace: '', hash: decoded.hash.toUpperCase() } };
    const result = await broadcastTxSync(url, decoded, notCommitted);
    expect(result).toEqual({
      code: 0,
      codespace: '',
      error: '',
      log: '',
      hash: decoded.hash,
      signer: key.publicKey,
      nonce: 3,
    });
    expect(received?.method).toBe('broadcast_tx_sync');
    expect(Buffer.from(received!.params.tx, 'base64').toString('utf8')).toBe(decoded.canonical);
  });

  it('takes the stable error code from data, where the ABCI handler puts it', async () => {
    const data = Buffer.from('tx.bad_nonce').toString('hex').toUpperCase();
    answer = { result: { code: 4, data, log: 'Nonce 3 is not the next one', codespace: 'tx', hash: '' } };
    const result = await broadcastTxSync(url, decoded, notCommitted);
    expect(result).toMatchObject({
      code: 4,
      codespace: 'tx',
      error: 'tx.bad_nonce',
      log: 'Nonce 3 is not the next one',
    });
  });

  it('turns CometBFT’s cache refusal into tx.duplicate, saying whether the tx is already committed', async () => {
    answer = { error: { code: -32603, message: 'Internal error', data: 'tx already exists in cache' } };
    expect(await broadcastTxSync(url, decoded, notCommitted)).toMatchObject({
      error: 'tx.duplicate',
      log: 'This transaction is already waiting in the mempool.',
    });
    expect(await broadcastTxSync(url, decoded, () => true)).toMatchObject({
      error: 'tx.duplicate',
      log: 'This transaction is already on the ledger.',
    });
  });

  it('turns a full mempool into tx.mempool_full, which the API answers with 503', async () => {
    answer = {
      error: {
        code: -32603,
        message: 'Internal error',
        data: 'mempool is full: number of txs 20000 (max: 20000)',
      },
    };
    expect(await broadcastTxSync(url, decoded, notCommitted)).toMatchObject({
      error: 'tx.mempool_full',
      code: 9,
    });
  });

  it('fails with CometbftUnavailableError when nothing listens', async () => {
    await expect(broadcastTxSync('http://127.0.0.1:1', decoded, notCommitted)).rejects.toBeInstanceOf(
      CometbftUnavailableError,
    );
  });
});
