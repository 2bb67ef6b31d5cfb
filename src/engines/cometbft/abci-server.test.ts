import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CheckTxType,
  type Request,
  type Response,
  ResponseProcessProposal_ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus,
} from 'cosmjs-types/tendermint/abci/types';
import { afterEach, describe, expect, it } from 'vitest';
import { type AbciServer, startAbciServer } from './abci-server.ts';
import { createResponseDecoder, encodeRequestFrame } from './abci-wire.ts';
import { type CounterApp, createCounterApp, REJECTED_CODE, THROWING_TX } from './counter-app.fixture.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Speaks the ABCI wire protocol like CometBFT's socket client does. */
class AbciTestClient {
  private readonly decoder = createResponseDecoder();
  private readonly received: Response[] = [];
  private waiter: (() => void) | undefined;
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.received.push(...this.decoder.push(chunk));
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  static async connect(options: net.NetConnectOpts): Promise<AbciTestClient> {
    const socket = net.connect(options);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.setNoDelay(true);
    return new AbciTestClient(socket);
  }

  send(...requests: Request[]): void {
    this.socket.write(Buffer.concat(requests.map(encodeRequestFrame)));
  }

  /** Writes one byte per TCP write, yielding to the event loop in between. */
  async sendByteByByte(...requests: Request[]): Promise<void> {
    for (const byte of Buffer.concat(requests.map(encodeRequestFrame))) {
      this.socket.write(Uint8Array.of(byte));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  async take(count: number, timeoutMs = 5_000): Promise<Response[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (this.closed)
        throw new Error(`connection closed after ${this.received.length} of ${count} responses`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${count} responses, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.received.splice(0, count);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Name of the oneof field that is set, e.g. 'checkTx'. */
function kindOf(message: Request | Response): string {
  const set = Object.entries(message).filter(([, value]) => value !== undefined);
  return set.map(([key]) => key).join(',');
}

const finalizeBlockRequest = (height: number, txs: string[]): Request => ({
  finalizeBlock: {
    txs: txs.map(utf8),
    decidedLastCommit: { round: 0, votes: [] },
    misbehavior: [],
    hash: new Uint8Array(32),
    height: BigInt(height),
    time: { seconds: 1_767_225_600n, nanos: 123_999_999 },
    nextValidatorsHash: new Uint8Array(32),
    proposerAddress: Uint8Array.from([0xab, 0xcd, 0x01]),
  },
});

describe('ABCI server', () => {
  let app: CounterApp;
  let server: AbciServer;
  let client: AbciTestClient;
  let fatal: Error[];
  const cleanups: (() => unknown)[] = [];

  async function start(address = 'tcp://127.0.0.1:0'): Promise<void> {
    app = createCounterApp();
    fatal = [];
    server = await startAbciServer({ app, address, onFatal: (error) => fatal.push(error), log: () => {} });
    cleanups.push(() => server.close());
    const { port } = new URL(server.address.replace('tcp://', 'http://'));
    client = await AbciTestClient.connect({ host: '127.0.0.1', port: Number(port) });
    cleanups.push(() => client.close());
  }

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('reassembles requests whose frames arrive one byte at a time', async () => {
    await start();
    await client.sendByteByByte({ echo: { message: 'hallo gemeente' } }, { flush: {} });
    const [echo, flush] = await client.take(2);
    expect(echo?.echo?.message).toBe('hallo gemeente');
    expect(flush?.flush).toEqual({});
  });

  it('answers many frames from one chunk in order, each with the matching response type', async () => {
    await start();
    const requests: Request[] = [
      { echo: { message: 'a' } },
      { info: { version: '0.38.25', blockVersion: 11n, p2pVersion: 8n, abciVersion: '2.0.0' } },
      { checkTx: { tx: utf8('tx-1'), type: CheckTxType.NEW } },
      { query: { path: 'count', data: new Uint8Array(), height: 0n, prove: false } },
      { echo: { message: 'b' } },
      { flush: {} },
    ];
    client.send(...requests);
    const responses = await client.take(requests.length);
    expect(responses.map(kindOf)).toEqual(['echo', 'info', 'checkTx', 'query', 'echo', 'flush']);
    expect(responses[0]?.echo?.message).toBe('a');
    expect(responses[4]?.echo?.message).toBe('b');
  });

  it('answers Flush with ResponseFlush without waiting for more input', async () => {
    await start();
    client.send({ flush: {} });
    const [response] = await client.take(1);
    expect(kindOf(response!)).toBe('flush');
  });

  it('accepts every proposal and vote extension, never answering UNKNOWN', async () => {
    await start();
    client.send(
      {
        processProposal: {
          txs: [utf8('tx-1')],
          proposedLastCommit: { round: 0, votes: [] },
          misbehavior: [],
          hash: new Uint8Array(32),
          height: 1n,
          time: { seconds: 0n, nanos: 0 },
          nextValidatorsHash: new Uint8Array(),
          proposerAddress: new Uint8Array(),
        },
      },
      {
        verifyVoteExtension: {
          hash: new Uint8Array(),
          validatorAddress: new Uint8Array(),
          height: 1n,
          voteExtension: new Uint8Array(),
        },
      },
      { flush: {} },
    );
    const [processed, verified] = await client.take(3);
    expect(processed?.processProposal?.status).toBe(ResponseProcessProposal_ProposalStatus.ACCEPT);
    expect(verified?.verifyVoteExtension?.status).toBe(ResponseVerifyVoteExtension_VerifyStatus.ACCEPT);
  });

  it('reports rejected and crashing checks as non-zero codes, never as an exception', async () => {
    await start();
    client.send(
      { checkTx: { tx: utf8('nope'), type: CheckTxType.NEW } },
      { checkTx: { tx: utf8(THROWING_TX), type: CheckTxType.NEW } },
      { checkTx: { tx: utf8('tx-ok'), type: CheckTxType.RECHECK } },
    );
    const [rejected, crashed, ok] = await client.take(3);
    expect(rejected?.exception).toBeUndefined();
    expect(rejected?.checkTx).toMatchObject({
      code: REJECTED_CODE,
      codespace: 'counter',
      info: 'counter.bad_prefix',
    });
    expect(crashed?.exception).toBeUndefined();
    expect(crashed?.checkTx?.code).not.toBe(0);
    expect(crashed?.checkTx?.log).toContain('exploded on purpose');
    expect(ok?.checkTx?.code).toBe(0);
    expect(app.checked.map((c) => c.kind)).toEqual(['new', 'new', 'recheck']);
  });

  it('runs a block: genesis JSON in, truncated RFC 3339 time, tx results, app hash, then Info', async () => {
    await start();
    client.send(
      {
        initChain: {
          time: { seconds: 0n, nanos: 0 },
          chainId: 'test',
          validators: [],
          appStateBytes: utf8('{"organisations":["gemeente-utrecht"]}'),
          initialHeight: 1n,
        },
      },
      finalizeBlockRequest(1, ['tx-a', 'tx-b']),
      { commit: {} },
      { info: { version: '', blockVersion: 0n, p2pVersion: 0n, abciVersion: '' } },
    );
    const [init, finalized, committed, info] = await client.take(4);
    expect(app.genesis).toEqual([{ organisations: ['gemeente-utrecht'] }]);
    expect(init?.initChain?.appHash).toEqual(new Uint8Array(8));
    expect(app.finalized[0]).toMatchObject({
      height: 1,
      time: '2026-01-01T00:00:00.123Z',
      proposer: 'abcd01',
    });
    const block = finalized!.finalizeBlock!;
    expect(block.txResults).toHaveLength(2);
    expect(block.txResults[1]?.events[0]).toEqual({
      type: 'counter.incremented',
      attributes: [{ key: 'tx', value: 'tx-b', index: true }],
    });
    expect(block.appHash).toEqual(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 2));
    expect(committed?.commit?.retainHeight).toBe(0n);
    expect(info?.info?.lastBlockHeight).toBe(1n);
    expect(info?.info?.lastBlockAppHash).toEqual(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 2));
  });

  it('returns query values as UTF-8 JSON with code and height', async () => {
    await start();
    client.send(
      { query: { path: 'count', data: new Uint8Array(), height: 0n, prove: false } },
      { query: { path: 'nope', data: utf8('x'), height: 0n, prove: false } },
    );
    const [count, unknown] = await client.take(2);
    expect(JSON.parse(new TextDecoder().decode(count?.query?.value))).toEqual({ count: 0 });
    expect(count?.query?.code).toBe(0);
    expect(unknown?.query?.code).toBe(4);
    expect(unknown?.query?.log).toContain('unknown query path');
  });

  it('proposes mempool txs in order, only as many as fit in max_tx_bytes', async () => {
    await start();
    const txs = ['tx-1', 'tx-2', 'tx-3'].map(utf8);
    client.send({
      prepareProposal: {
        // Each 4-byte tx costs 6 bytes in the block's protobuf Data message.
        maxTxBytes: 13n,
        txs,
        localLastCommit: { round: 0, votes: [] },
        misbehavior: [],
        height: 1n,
        time: { seconds: 0n, nanos: 0 },
        nextValidatorsHash: new Uint8Array(),
        proposerAddress: new Uint8Array(),
      },
    });
    const [response] = await client.take(1);
    expect(response?.prepareProposal?.txs).toEqual(txs.slice(0, 2));
  });

  it('stops answering and reports a fatal error when the app throws in FinalizeBlock', async () => {
    await start();
    app.failNextFinalize = true;
    client.send(finalizeBlockRequest(1, ['tx-a']), { flush: {} });
    await expect(client.take(1)).rejects.toThrow(/connection closed/);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.message).toMatch(/FinalizeBlock.*state tampered/);
  });

  it('keeps a connection in order while `prepare` is pending, and serves other connections meanwhile', async () => {
    let release: () => void = () => {};
    const prepared = new Promise<void>((resolve) => {
      release = resolve;
    });
    const prepareServer = await startAbciServer({
      app: createCounterApp(),
      address: 'tcp://127.0.0.1:0',
      // Only chunks with a CheckTx wait, like signature checks on worker threads.
      prepare: (requests) => (requests.some((r) => r.checkTx) ? prepared : undefined),
    });
    cleanups.push(() => prepareServer.close());
    const { port } = new URL(prepareServer.address.replace('tcp://', 'http://'));
    const mempool = await AbciTestClient.connect({ host: '127.0.0.1', port: Number(port) });
    const consensus = await AbciTestClient.connect({ host: '127.0.0.1', port: Number(port) });
    cleanups.push(
      () => mempool.close(),
      () => consensus.close(),
    );

    mempool.send({ checkTx: { tx: utf8('tx-1'), type: CheckTxType.NEW } }, { flush: {} });
    await new Promise((resolve) => setTimeout(resolve, 20));
    mempool.send({ echo: { message: 'after the check' } }, { flush: {} });
    consensus.send({ echo: { message: 'not held up' } }, { flush: {} });
    const [other] = await consensus.take(1);
    expect(other?.echo?.message).toBe('not held up');

    release();
    const answers = await mempool.take(4);
    expect(answers.map(kindOf)).toEqual(['checkTx', 'flush', 'echo', 'flush']);
    expect(answers[0]?.checkTx?.code).toBe(0);
    expect(answers[2]?.echo?.message).toBe('after the check');
  });

  it('listens on a unix socket too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abci-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'app.sock');
    const unixServer = await startAbciServer({ app: createCounterApp(), address: `unix://${path}` });
    cleanups.push(() => unixServer.close());
    expect(unixServer.address).toBe(`unix://${path}`);
    const unixClient = await AbciTestClient.connect({ path });
    cleanups.push(() => unixClient.close());
    unixClient.send({ echo: { message: 'via unix' } });
    const [response] = await unixClient.take(1);
    expect(response?.echo?.message).toBe('via unix');
  });
});
