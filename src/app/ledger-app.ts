// The Ketenboek application: routes txs to modules and keeps the Merkle-committed state.
// ABCI-shaped (see types.ts) so the embedded engine and CometBFT drive exactly this code.
import { fromHex, toHex } from '../core/bytes.ts';
import { canonicalJson } from '../core/canonical.ts';
import { LedgerError } from '../core/errors.ts';
import { sha256, sha256Hex } from '../core/hash-node.ts';
import { merkleRoot } from '../core/merkle.ts';
import { SparseMerkleTree } from '../core/smt.ts';
import { TxErrors } from '../core/tx-errors.ts';
import { type DecodedTx, decodeTx, verifyCanonicalTxSignature } from '../core/tx-node.ts';
import { type Account, bumpNonce, getAccount, type TxRecord, txRecordKey } from './accounts.ts';
import {
  AppStore,
  type BlockCommit,
  type BlockHeader,
  type StoredBlock,
  type StoredTx,
} from './app-store.ts';
import { checkGenesis } from './genesis.ts';
import type { KVRead } from './kv.ts';
import type { BlockContext, EventValue, Genesis, MessageDef, Module, TxContext } from './module.ts';
import { Overlay } from './overlay.ts';
import { putJson } from './typed-kv.ts';
import type {
  Application,
  CheckTxKind,
  CheckTxResult,
  FinalizeBlockRequest,
  FinalizeBlockResult,
  InfoResult,
  InitChainResult,
  LedgerEvent,
  QueryRequest,
  QueryResult,
  TxResult,
  ValidatorUpdate,
} from './types.ts';
import { validateBody } from './valid-bodies.ts';
import { VerifiedSignatures } from './verified-signatures.ts';

export const APP_VERSION = '0.1.0';
export const ZERO_HASH = '0'.repeat(64);
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface LedgerAppOptions {
  /** SQLite file of the app store; ':memory:' for replays and tests. */
  dbPath: string;
  modules: Module[];
  /** Store only the current state, not blocks, txs or history (an independent replay needs no more). */
  stateOnly?: boolean;
}

interface PendingBlock {
  header: BlockHeader;
  hash: string;
  overlay: Overlay;
  txs: StoredTx[];
  participants: Array<{ participant: string; index: number }>;
  /** Every tx succeeded and the end-block hooks wrote nothing (see carriedChecks). */
  plain: boolean;
}

export class LedgerApp implements Application {
  readonly store: AppStore;
  private readonly modules: Module[];
  private readonly messages = new Map<string, MessageDef>();
  private smt = new SparseMerkleTree(sha256);
  private readonly verified = new VerifiedSignatures(200_000);
  private checkState: Overlay;
  private pending: PendingBlock | undefined;
  /** The block the last commit() wrote, as stored: engines hand it to listeners without a re-read. */
  lastCommitted: { block: StoredBlock; txs: StoredTx[] } | undefined;
  private readonly pastTrees = new Map<number, SparseMerkleTree>();
  private chainId: string;
  /** Last decided block: executed and handed to the store, possibly still being written. */
  private height: number;
  private appHash: string;
  private lastBlockHash: string;
  private lastBlockTime: string | undefined;
  /** Last block on disk (equals `height` except while commitInBackground writes one). */
  private durable: { height: number; appHash: string };
  /**
   * Overlays of the blocks commitInBackground is writing, oldest first: reads go through them
   * until each is durable. Each one's parent is the one before it (the oldest's is the store).
   */
  private readonly inFlight: Overlay[] = [];

  constructor(opts: LedgerAppOptions) {
    this.store = new AppStore(opts.dbPath, { stateOnly: opts.stateOnly === true });
    this.modules = opts.modules;
    for (const m of opts.modules) {
      for (const msg of m.messages) {
        if (!msg.type.startsWith(`${m.name}.`))
          throw new Error(`message ${msg.type} is outside module ${m.name}`);
        this.messages.set(msg.type, msg as MessageDef);
      }
    }
    this.chainId = this.store.getMeta('chainId') ?? '';
    this.height = Number(this.store.getMeta('height') ?? '-1');
    this.appHash = this.store.getMeta('appHash') ?? '';
    this.lastBlockHash = this.store.getMeta('lastBlockHash') ?? ZERO_HASH;
    this.durable = { height: this.height, appHash: this.appHash };
    for (const [k, v] of this.store.allState()) this.smt.set(k, sha256(v));
    if (this.height >= 0) {
      const root = toHex(this.smt.root());
      // A store whose contents no longer match the committed app hash has been altered or torn:
      // refuse to run rather than show a different history.
      if (root !== this.appHash) {
        throw new Error(
          `app-hash mismatch at height ${this.height}: the stored state hashes to ${root} but ${this.appHash} was committed. The app store was altered or damaged; restore it from a partner or rebuild it from blocks.`,
        );
      }
    }
    this.checkState = new Overlay(this.store);
  }

  get moduleList(): readonly Module[] {
    return this.modules;
  }

  /** Committed state, for queries. */
  get committed(): KVRead {
    return this.store;
  }

  messageTypes(): MessageDef[] {
    return [...this.messages.values()];
  }

  info(): InfoResult {
    return {
      chainId: this.chainId,
      lastBlockHeight: Math.max(this.durable.height, 0),
      lastBlockAppHash: this.durable.appHash,
      version: APP_VERSION,
    };
  }

  /** Height of the last block on disk: what queries, receipts and the API may show. */
  get lastHeight(): number {
    return Math.max(this.durable.height, 0);
  }

  /**
   * Time of the last decided block: a next block's time must be later, and check-time rules judge
   * pending txs by it.
   */
  get decidedTime(): string {
    this.lastBlockTime ??=
      (this.height > 0 ? this.store.block(this.height)?.header.time : undefined) ??
      this.genesis()?.genesisTime ??
      '1970-01-01T00:00:00.000Z';
    return this.lastBlockTime;
  }

  /** Blocks handed to commitInBackground and not yet durable. */
  get blocksBeingWritten(): number {
    return this.inFlight.length;
  }

  /** Height the next block must have (one above the last decided block). */
  get nextHeight(): number {
    return this.height + 1;
  }

  get initialised(): boolean {
    return this.height >= 0;
  }

  initChain(genesisInput: unknown): InitChainResult {
    const genesis = checkGenesis(genesisInput);
    if (this.height > 0) throw new Error(`initChain called on a chain at height ${this.height}`);
    if (this.height === 0) this.wipe(); // a crash between InitChain and block 1: start again cleanly
    const overlay = new Overlay(this.store);
    const validators: ValidatorUpdate[] = [];
    const ctx = this.blockContext(genesis.chainId, 0, genesis.genesisTime, overlay, [], validators);
    for (const m of this.modules) m.initGenesis?.(ctx, genesis);
    const writes = overlay.entries().map(([key, value]) => ({ key, value }));
    this.applyToTree(writes);
    const appHash = toHex(this.smt.root());
    this.store.commitGenesis(
      writes.filter((w): w is { key: string; value: string } => w.value !== null),
      {
        chainId: genesis.chainId,
        genesis: canonicalJson(genesis),
        height: '0',
        appHash,
        lastBlockHash: ZERO_HASH,
      },
    );
    this.chainId = genesis.chainId;
    this.height = 0;
    this.appHash = appHash;
    this.lastBlockHash = ZERO_HASH;
    this.durable = { height: 0, appHash };
    this.lastBlockTime = genesis.genesisTime;
    this.checkState = new Overlay(this.store);
    return { appHash, validators };
  }

  genesis(): Genesis | undefined {
    const g = this.store.getMeta('genesis');
    return g ? (JSON.parse(g) as Genesis) : undefined;
  }

  /** Marks signatures as already verified (e.g. by a worker pool); verification stays deterministic. */
  notePreverified(hash: string): void {
    this.verified.add(hash);
  }

  checkTx(bytes: Uint8Array, kind: CheckTxKind): CheckTxResult {
    let decoded: DecodedTx;
    try {
      decoded = decodeTx(bytes);
    } catch (e) {
      return checkError(e, '', '', 0);
    }
    return this.checkDecoded(decoded, kind);
  }

  checkDecoded(decoded: DecodedTx, kind: CheckTxKind): CheckTxResult {
    const { tx, hash } = decoded;
    // Only a tx whose nonce is already used can be on the ledger (committed txs consume their
    // nonce), so fresh txs skip the look-up of their record: for them it is always a miss.
    if (
      kind === 'new' &&
      tx.nonce <= getAccount(this.checkState, tx.signer).nonce &&
      this.checkState.get(txRecordKey(hash)) !== undefined
    ) {
      return checkError(
        new LedgerError(TxErrors.duplicate, 'This transaction is already on the ledger.'),
        hash,
        tx.signer,
        tx.nonce,
      );
    }
    // A refused tx must leave the check state untouched, its nonce included: run it in a scratch overlay.
    const txOverlay = new Overlay(this.checkState);
    const { result } = this.runTx(decoded, 'check', txOverlay, this.height + 1, this.decidedTime, []);
    if (result.code !== 0) {
      return {
        code: result.code,
        codespace: result.codespace,
        error: result.error,
        log: result.log,
        hash,
        signer: tx.signer,
        nonce: tx.nonce,
      };
    }
    this.acceptedChecks.push({ hash, changes: txOverlay.changes() });
    txOverlay.mergeInto(this.checkState);
    return { code: 0, codespace: '', error: '', log: '', hash, signer: tx.signer, nonce: tx.nonce };
  }

  /** The nonce the next tx of `account` must carry, counting txs already accepted into the mempool. */
  nextNonce(account: string): number {
    return getAccount(this.checkState, account).nonce + 1;
  }

  finalizeBlock(req: FinalizeBlockRequest): FinalizeBlockResult {
    return this.finalizeDecoded(
      req,
      req.txs.map((b) => decodeOrError(b)),
    );
  }

  /** Same as finalizeBlock, for engines that already decoded the txs (saves a parse and a hash). */
  finalizeDecoded(req: FinalizeBlockRequest, txs: Array<DecodedTx | LedgerError>): FinalizeBlockResult {
    if (req.height !== this.height + 1) {
      throw new Error(
        `finalizeBlock at height ${req.height}, but the last committed height is ${this.height}`,
      );
    }
    if (!TIME.test(req.time)) throw new Error(`block time ${req.time} is not RFC 3339 UTC with milliseconds`);
    // On top of the blocks still being written, if any: they are decided, so they count.
    const overlay = new Overlay(this.inFlight.at(-1) ?? this.store);
    const txResults: TxResult[] = [];
    const txHashes: string[] = [];
    const stored: StoredTx[] = [];
    const participants: Array<{ participant: string; index: number }> = [];
    const validatorUpdates: ValidatorUpdate[] = [];
    txs.forEach((d, index) => {
      let result: TxResult;
      let hash: string;
      let canonical: string;
      let executed = false;
      if (d instanceof LedgerError) {
        result = errorResult(d);
        canonical = '';
        hash = sha256Hex(req.txs[index] ?? new Uint8Array());
      } else {
        hash = d.hash;
        canonical = d.canonical;
        ({ result, executed } = this.runTx(d, 'deliver', overlay, req.height, req.time, validatorUpdates));
      }
      txResults.push(result);
      txHashes.push(hash);
      const resultJson = canonicalJson(result);
      // Only txs that were validly signed and in order are recorded in state (and consumed a nonce);
      // the others stay visible in the block with their refusal, but change nothing.
      if (executed) {
        const record: TxRecord = {
          height: req.height,
          index,
          code: result.code,
          resultHash: sha256Hex(resultJson),
        };
        putJson(overlay, txRecordKey(hash), record);
      }
      stored.push({ hash, height: req.height, index, tx: canonical, result: resultJson });
      for (const p of result.participants) participants.push({ participant: p, index });
    });
    const endEvents: LedgerEvent[] = [];
    const ctx = this.blockContext(this.chainId, req.height, req.time, overlay, endEvents, validatorUpdates);
    const writesBeforeEndBlock = overlay.writeCount;
    for (const m of this.modules) m.endBlock?.(ctx);
    const plain =
      overlay.writeCount === writesBeforeEndBlock &&
      txResults.every((r) => r.code === 0) &&
      !txs.some((d) => d instanceof LedgerError);
    const writes = overlay.entries().map(([key, value]) => ({ key, value }));
    this.applyToTree(writes);
    const appHash = toHex(this.smt.root());
    const header: BlockHeader = {
      chainId: this.chainId,
      height: req.height,
      time: req.time,
      prevHash: this.lastBlockHash,
      txRoot: toHex(
        merkleRoot(
          txHashes.map((h) => fromHex(h)),
          sha256,
        ),
      ),
      resultsRoot: toHex(
        merkleRoot(
          stored.map((t) => sha256(t.result)),
          sha256,
        ),
      ),
      appHash,
      txCount: txs.length,
      proposer: req.proposer,
    };
    const hash = sha256Hex(canonicalJson(header));
    this.pending = { header, hash, overlay, txs: stored, participants, plain };
    this.pendingWrites = writes;
    return { txResults, validatorUpdates, appHash, txHashes, blockHash: hash };
  }

  private pendingWrites: Array<{ key: string; value: string | null }> = [];

  commit(signatures: Array<{ pubKey: string; sig: string }> = []): { retainHeight: number } {
    if (this.inFlight.length > 0)
      throw new Error('commit while blocks are still being written in the background');
    const { commit, txs } = this.decide(signatures);
    this.store.commitBlock(commit);
    this.durable = { height: commit.block.height, appHash: commit.block.header.appHash };
    this.lastCommitted = { block: commit.block, txs };
    this.checkState = new Overlay(this.store);
    this.acceptedChecks = [];
    this.recheckNeeded = true;
    return { retainHeight: 0 };
  }

  /**
   * Like commit(), but the block is written by `write` (a BlockWriter on another thread) while
   * this thread goes on checking txs against the decided state. Resolves once the block is on
   * disk; only then may its txs be acknowledged. Later blocks can be finalized and handed over
   * before that: they build on this one's overlay, and the writer keeps their order.
   */
  commitInBackground(
    signatures: Array<{ pubKey: string; sig: string }>,
    write: (c: BlockCommit) => Promise<void>,
  ): Promise<{ block: StoredBlock; txs: StoredTx[] }> {
    const overlay = this.pending?.overlay;
    const carried = this.carriedChecks();
    const { commit, txs } = this.decide(signatures);
    if (overlay) this.inFlight.push(overlay);
    this.checkState = new Overlay(overlay ?? this.store);
    this.acceptedChecks = carried ?? [];
    this.recheckNeeded = carried === undefined;
    for (const c of this.acceptedChecks) this.checkState.apply(c.changes);
    return write(commit).then(() => {
      this.store.noteCommitted(commit);
      this.durable = { height: commit.block.height, appHash: commit.block.header.appHash };
      // The store now shows what the block's overlay showed: whatever was built on that overlay
      // (the next block still being written, or else the check state) now reads the store.
      if (overlay) this.inFlight.splice(this.inFlight.indexOf(overlay), 1);
      (this.inFlight[0] ?? this.checkState).rebase(this.store);
      this.lastCommitted = { block: commit.block, txs };
      return this.lastCommitted;
    });
  }

  /**
   * Whether the check state must be rebuilt by re-checking the mempool after the last commit.
   * Not when the block was exactly the oldest accepted txs, all succeeded and the end-block hooks
   * wrote nothing: then the younger txs' checked writes still hold on top of the block's state and
   * are carried over as they are, which spares running every waiting tx again after every block.
   * The check state only decides what enters the mempool; blocks re-run every tx in full.
   */
  recheckNeeded = true;

  /** Txs accepted into the check state since it was last rebuilt, oldest first, with their writes. */
  private acceptedChecks: Array<{ hash: string; changes: ReadonlyMap<string, string | null> }> = [];

  private carriedChecks(): Array<{ hash: string; changes: ReadonlyMap<string, string | null> }> | undefined {
    const p = this.pending;
    if (!p?.plain || this.acceptedChecks.length < p.txs.length) return undefined;
    for (let i = 0; i < p.txs.length; i++)
      if (this.acceptedChecks[i]!.hash !== p.txs[i]!.hash) return undefined;
    return this.acceptedChecks.slice(p.txs.length);
  }

  /** Makes the finalized block the last decided one and returns what must be written for it. */
  private decide(signatures: Array<{ pubKey: string; sig: string }>): {
    commit: BlockCommit;
    txs: StoredTx[];
  } {
    const p = this.pending;
    if (!p) throw new Error('commit without finalizeBlock');
    const block: StoredBlock = { height: p.header.height, hash: p.hash, header: p.header, signatures };
    const commit: BlockCommit = {
      block,
      txs: p.txs,
      participants: p.participants,
      writes: this.pendingWrites,
      meta: { height: String(p.header.height), appHash: p.header.appHash, lastBlockHash: p.hash },
    };
    this.height = p.header.height;
    this.appHash = p.header.appHash;
    this.lastBlockHash = p.hash;
    this.lastBlockTime = p.header.time;
    this.pending = undefined;
    this.pendingWrites = [];
    return { commit, txs: p.txs };
  }

  query(req: QueryRequest): QueryResult {
    const height = this.lastHeight;
    try {
      if (req.path === '/store') {
        const value = this.store.get(req.data);
        const proof = req.prove ? this.proveKey(req.data) : undefined;
        return { code: 0, log: '', height, value: value === undefined ? null : JSON.parse(value), proof };
      }
      const [, moduleName, queryName] = req.path.split('/');
      const q = this.modules.find((m) => m.name === moduleName)?.queries?.[queryName ?? ''];
      if (!q) return { code: 1, log: `unknown query path ${req.path}`, height, value: null };
      const params = req.data ? (JSON.parse(req.data) as Record<string, string>) : {};
      return { code: 0, log: '', height, value: q(this.store, params) };
    } catch (e) {
      return { code: 2, log: (e as Error).message, height, value: null };
    }
  }

  /** Proof of a key (inclusion or non-inclusion) against the app hash of the last durable block. */
  proveKey(key: string) {
    return this.treeAt(this.lastHeight).prove(key);
  }

  /**
   * A tree of the state as it was after block `height`, for proofs at past heights. Rebuilding
   * costs one pass over the state, so the last few are kept.
   */
  treeAt(height: number): SparseMerkleTree {
    if (height === this.height) return this.smt;
    if (height > this.height || height < 0) throw new Error(`height ${height} is not committed`);
    const cached = this.pastTrees.get(height);
    if (cached) return cached;
    const t = new SparseMerkleTree(sha256);
    for (const [k, v] of this.store.stateAt(height)) t.set(k, sha256(v));
    t.root();
    this.pastTrees.set(height, t);
    if (this.pastTrees.size > 4) this.pastTrees.delete(this.pastTrees.keys().next().value as number);
    return t;
  }

  valueAt(key: string, height: number): string | undefined {
    return this.store.valueAt(key, height);
  }

  account(pubKey: string): Account {
    return getAccount(this.store, pubKey);
  }

  close(): void {
    this.store.close();
  }

  private applyToTree(writes: Array<{ key: string; value: string | null }>): void {
    for (const w of writes) {
      if (w.value === null) this.smt.delete(w.key);
      else this.smt.set(w.key, sha256(w.value));
    }
  }

  private wipe(): void {
    this.store.wipe();
    this.smt = new SparseMerkleTree(sha256);
  }

  private blockContext(
    chainId: string,
    height: number,
    time: string,
    kv: Overlay,
    events: LedgerEvent[],
    validatorUpdates: ValidatorUpdate[],
  ): BlockContext {
    return {
      chainId,
      height,
      time,
      kv,
      emit: (type, attributes) => events.push(toEvent(type, attributes)),
      addValidatorUpdate: (u) => validatorUpdates.push(u),
    };
  }

  private runTx(
    d: DecodedTx,
    mode: 'check' | 'deliver',
    parent: Overlay,
    height: number,
    time: string,
    validatorUpdates: ValidatorUpdate[],
  ): { result: TxResult; executed: boolean } {
    const { tx, hash } = d;
    try {
      if (tx.chainId !== this.chainId) {
        throw new LedgerError(
          TxErrors.wrong_chain,
          `This transaction is signed for chain "${tx.chainId}", but this ledger is "${this.chainId}". Sign it again for the right chain.`,
        );
      }
      if (!this.verified.has(hash)) {
        if (!verifyCanonicalTxSignature(d.canonical)) {
          throw new LedgerError(
            TxErrors.bad_signature,
            'The signature does not match the transaction and signer. Sign the exact transaction with the signer’s key.',
          );
        }
        this.verified.add(hash);
      }
      const expected = getAccount(parent, tx.signer).nonce + 1;
      if (tx.nonce !== expected) {
        throw new LedgerError(
          TxErrors.bad_nonce,
          `Nonce ${tx.nonce} is not the next one for this account; expected ${expected}. Ask the node for the account's next nonce and sign again.`,
          { expected },
        );
      }
    } catch (e) {
      return { result: errorResult(e, [tx.signer]), executed: false };
    }
    // From here on the tx is validly signed and in order: it consumes its nonce even when refused,
    // so the refusal is recorded on the ledger with its reason.
    bumpNonce(parent, tx.signer, tx.nonce);
    const ctx = new TxRun(this.chainId, height, time, new Overlay(parent), hash, tx.signer, mode);
    try {
      const msg = this.messages.get(tx.type);
      if (!msg) {
        throw new LedgerError(
          TxErrors.unknown_type,
          `Unknown transaction type "${tx.type}". See GET /v1/openapi.json for the types this node knows.`,
        );
      }
      const parsed = validateBody(msg, tx.body);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
        throw new LedgerError(
          TxErrors.invalid_body,
          `The body of ${tx.type} is invalid: ${problems.join('; ')}.`,
          { problems },
        );
      }
      msg.handle(ctx, parsed.data);
    } catch (e) {
      return { result: errorResult(e, ctx.sortedParticipants()), executed: true };
    }
    ctx.kv.mergeInto(parent);
    validatorUpdates.push(...ctx.validatorUpdates);
    const result: TxResult = {
      code: 0,
      codespace: '',
      error: '',
      events: ctx.events,
      log: '',
      participants: ctx.sortedParticipants(),
    };
    if (ctx.amount !== undefined) result.amount = ctx.amount.toString();
    return { result, executed: true };
  }
}

/**
 * What a handler sees of the tx it runs, and what it records. A class rather than an object of
 * closures: one is made per tx, twice (check and deliver), so it should cost one allocation.
 */
class TxRun implements TxContext {
  readonly events: LedgerEvent[] = [];
  readonly validatorUpdates: ValidatorUpdate[] = [];
  amount: bigint | undefined;
  private readonly participants: Set<string>;

  constructor(
    readonly chainId: string,
    readonly height: number,
    readonly time: string,
    readonly kv: Overlay,
    readonly txHash: string,
    readonly signer: string,
    readonly mode: 'check' | 'deliver',
  ) {
    this.participants = new Set([signer]);
  }

  emit(type: string, attributes: Record<string, EventValue>): void {
    this.events.push(toEvent(type, attributes));
  }

  addValidatorUpdate(u: ValidatorUpdate): void {
    this.validatorUpdates.push(u);
  }

  involve(...participants: string[]): void {
    for (const p of participants) this.participants.add(p);
  }

  setAmount(cents: bigint): void {
    this.amount = cents;
  }

  sortedParticipants(): string[] {
    return [...this.participants].sort();
  }
}

function toEvent(type: string, attributes: Record<string, EventValue>): LedgerEvent {
  // Properties in sorted order, so canonical JSON takes its fast path (see canonical.ts).
  return {
    attributes: Object.keys(attributes)
      .sort()
      .map((key) => ({ key, value: String(attributes[key]) })),
    type,
  };
}

function errorResult(e: unknown, participants: string[] = []): TxResult {
  const err =
    e instanceof LedgerError
      ? e
      : new LedgerError(TxErrors.internal, `Internal error: ${(e as Error).message}`);
  return {
    code: err.definition.abciCode,
    codespace: err.definition.codespace,
    error: err.definition.code,
    log: err.message,
    events: [],
    participants,
  };
}

function checkError(e: unknown, hash: string, signer: string, nonce: number): CheckTxResult {
  const r = errorResult(e);
  return { code: r.code, codespace: r.codespace, error: r.error, log: r.log, hash, signer, nonce };
}

function decodeOrError(bytes: Uint8Array): DecodedTx | LedgerError {
  try {
    return decodeTx(bytes);
  } catch (e) {
    return e instanceof LedgerError ? e : new LedgerError(TxErrors.malformed, (e as Error).message);
  }
}
