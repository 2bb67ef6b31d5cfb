// The CometBFT engine: this process runs the LedgerApp behind an ABCI server, and a separate
// CometBFT process (started by the caller, see src/network/run-node.ts) orders txs with the other
// validators and drives the app. Submissions go to CometBFT's RPC on this machine; a tx is
// acknowledged only once this node's app has committed its block to disk.
import { EventEmitter } from 'node:events';
import type { Request } from 'cosmjs-types/tendermint/abci/types';
import type { LedgerApp } from '../../app/ledger-app.ts';
import type { CheckTxResult } from '../../app/types.ts';
import { LedgerError } from '../../core/errors.ts';
import { MAX_TX_BYTES } from '../../core/tx.ts';
import { TxErrors } from '../../core/tx-errors.ts';
import { type DecodedTx, decodeTx } from '../../core/tx-node.ts';
import { CommitWaiters, committedOf } from '../commit-waiters.ts';
import type { Committed, LedgerNode } from '../ledger-node.ts';
import type { ConsensusHooks } from './abci-handler.ts';
import { type AbciServer, startAbciServer } from './abci-server.ts';
import { BlockSigner } from './block-signatures.ts';
import { broadcastTxSync } from './broadcast.ts';
import { type ObservedApplication, observeApplication } from './observed-app.ts';
import { CheckTxPreverifier } from './preverify.ts';
import { cometRpc } from './process.ts';

/** How stale the reported mempool size may be; status readers poll far more often than this. */
const MEMPOOL_SIZE_MAX_AGE_MS = 500;

export interface CometbftEngineOptions {
  app: LedgerApp;
  /** This node's validator key (CometBFT's priv_validator_key); it also signs the app's blocks. */
  nodeKey: { publicKey: string; privateKey: string };
  /** CometBFT's RPC on this machine, e.g. http://127.0.0.1:26657. */
  rpcUrl: string;
  /** Where the ABCI server listens (CometBFT's proxy_app), e.g. tcp://127.0.0.1:26658. */
  abciAddress: string;
  /**
   * Worker threads that verify the signatures of new txs before CheckTx runs them, so the main
   * thread, which also answers consensus, spends no time on them. 0 (default): CheckTx verifies.
   */
  signatureWorkers?: number;
  /** The app threw while executing or committing a block: the node must stop. */
  onFatal?: (error: Error) => void;
  log?: (line: string) => void;
}

export class CometbftEngine extends EventEmitter implements LedgerNode {
  readonly engine = 'cometbft' as const;
  readonly app: LedgerApp;
  readonly nodePubKey: string;
  readonly rpcUrl: string;
  private readonly abciAddress: string;
  private readonly onFatal: ((error: Error) => void) | undefined;
  private readonly log: (line: string) => void;
  private readonly waiters = new CommitWaiters();
  private server: AbciServer | undefined;
  private observed: ObservedApplication | undefined;
  private readonly signer: BlockSigner;
  private readonly signatureWorkers: number;
  private preverifier: CheckTxPreverifier | undefined;
  private mempoolCount = 0;
  private mempoolPoll: Promise<void> | undefined;
  private mempoolPolledAt = 0;
  private stopped = false;

  constructor(opts: CometbftEngineOptions) {
    super();
    this.setMaxListeners(0);
    this.app = opts.app;
    this.nodePubKey = opts.nodeKey.publicKey;
    this.signer = new BlockSigner(opts.app, opts.nodeKey);
    this.rpcUrl = opts.rpcUrl;
    this.abciAddress = opts.abciAddress;
    this.onFatal = opts.onFatal;
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.signatureWorkers = opts.signatureWorkers ?? 0;
    this.app.store.setMeta('engine', 'cometbft');
  }

  /** Starts the ABCI server; CometBFT can connect once this resolves. Returns its address. */
  async start(): Promise<string> {
    const observed = observeApplication(this.app, {
      committed: (height) => setImmediate(() => this.afterCommit(height)),
      recheckRefused: (result) =>
        this.waiters.reject(result.hash, `dropped from the mempool on recheck: ${result.log}`),
    });
    this.observed = observed;
    const preverifier = this.signatureWorkers
      ? new CheckTxPreverifier(this.app, observed.predecode, this.signatureWorkers)
      : undefined;
    this.preverifier = preverifier;
    this.server = await startAbciServer({
      app: observed,
      address: this.abciAddress,
      ...(this.onFatal ? { onFatal: this.onFatal } : {}),
      log: this.log,
      consensus: this.consensusHooks(),
      ...(preverifier ? { prepare: (requests: Request[]) => preverifier.prepare(requests) } : {}),
    });
    return this.server.address;
  }

  /** Validator signatures on the app's blocks travel as vote extensions (block-signatures.ts). */
  private consensusHooks(): ConsensusHooks {
    const signer = this.signer;
    const height = (h: bigint) => Number(h);
    return {
      proposalPrefixTx: (req) =>
        signer.signaturesTx(
          height(req.height),
          req.localLastCommit.votes.map((v) => ({
            validatorAddress: v.validator.address,
            voteExtension: v.voteExtension,
            blockIdFlag: v.blockIdFlag,
          })),
        ),
      acceptProposal: (req) => signer.proposalIsValid(height(req.height), req.txs),
      extendVote: (req) => signer.extendVote(height(req.height)),
      acceptVoteExtension: (req) =>
        signer.verifyVoteExtension(height(req.height), req.validatorAddress, req.voteExtension),
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.server?.close();
    this.server = undefined;
    await this.preverifier?.close();
    this.waiters.rejectAll('node stopped');
  }

  get events(): EventEmitter {
    return this;
  }

  /**
   * Mempool size as CometBFT last reported it. Asked for only while someone reads it (GET
   * /v1/status), at most every MEMPOOL_SIZE_MAX_AGE_MS: an RPC round trip after every block cost
   * every node CPU on both sides whether anyone looked or not.
   */
  mempoolSize(): number {
    this.refreshMempoolSize();
    return this.mempoolCount;
  }

  /**
   * Checks the tx's envelope here, then lets CometBFT run CheckTx and gossip it. code 0 means it
   * waits in the mempool; anything else is a refusal that changed nothing.
   */
  async submit(bytes: Uint8Array): Promise<CheckTxResult> {
    let decoded: DecodedTx;
    try {
      if (bytes.length > MAX_TX_BYTES) {
        throw new LedgerError(
          TxErrors.too_large,
          `The transaction is ${bytes.length} bytes; the limit is ${MAX_TX_BYTES}.`,
        );
      }
      decoded = decodeTx(bytes);
    } catch (e) {
      return refusal(e);
    }
    // broadcastTxSync sends the canonical bytes, so CheckTx can use this decoding.
    this.observed?.noteDecoded(decoded);
    return broadcastTxSync(this.rpcUrl, decoded, (hash) => this.app.store.txByHash(hash) !== undefined);
  }

  /** Resolves once this node's app has durably committed the tx (or rejects after `timeoutMs`). */
  waitForCommit(hash: string, timeoutMs = 30_000): Promise<Committed> {
    const stored = this.app.store.txByHash(hash);
    if (stored) return Promise.resolve(committedOf(stored));
    if (this.stopped) return Promise.reject(new Error('node stopped'));
    return this.waiters.wait(hash, timeoutMs);
  }

  /** Runs after the ABCI Commit answer went out, so consensus never waits for listeners. */
  private afterCommit(height: number): void {
    if (this.stopped) return;
    // The block the app just wrote, as it wrote it: reading it back from SQLite cost a query and a
    // parse per tx of every block. The store is the fallback if another block came in between.
    const last = this.app.lastCommitted;
    const block = last?.block.height === height ? last.block : this.app.store.block(height);
    if (!block) return;
    const txs = last?.block.height === height ? last.txs : this.app.store.txsOfBlock(height);
    if (this.waiters.size > 0)
      for (const t of txs) if (this.waiters.has(t.hash)) this.waiters.resolve(t.hash, committedOf(t));
    try {
      this.emit('block', block, txs);
    } catch (error) {
      // A listener's bug must not look like a consensus failure.
      this.log(`a 'block' listener failed at height ${height}: ${(error as Error).message}`);
    }
  }

  private refreshMempoolSize(): void {
    if (this.mempoolPoll || Date.now() - this.mempoolPolledAt < MEMPOOL_SIZE_MAX_AGE_MS) return;
    this.mempoolPolledAt = Date.now();
    this.mempoolPoll = cometRpc<{ total: string }>(this.rpcUrl, 'num_unconfirmed_txs', { limit: '1' })
      .then((r) => {
        this.mempoolCount = Number(r.total);
      })
      .catch(() => {
        // CometBFT is stopping or restarting; keep the last known figure.
      })
      .finally(() => {
        this.mempoolPoll = undefined;
      });
  }
}

function refusal(e: unknown): CheckTxResult {
  const err = e instanceof LedgerError ? e : new LedgerError(TxErrors.malformed, (e as Error).message);
  return {
    code: err.definition.abciCode,
    codespace: err.definition.codespace,
    error: err.definition.code,
    log: err.message,
    hash: '',
    signer: '',
    nonce: 0,
  };
}
