// The application interface, shaped like ABCI 2.0 so that both engines (embedded and CometBFT)
// drive exactly the same state machine. All methods are synchronous: the app store is
// better-sqlite3, and determinism is easier to reason about without interleaving.

export interface ValidatorUpdate {
  /** Ed25519 public key of the validator node, hex (32 bytes). */
  pubKey: string;
  /** Voting power; 0 removes the validator. */
  power: number;
}

export interface EventAttribute {
  key: string;
  value: string;
}

export interface LedgerEvent {
  /** e.g. "anchor.created", "budgets.payment" */
  type: string;
  attributes: EventAttribute[];
}

export interface TxResult {
  /** 0 = success; otherwise the module's stable numeric code. */
  code: number;
  /** Module name that produced the error ("" on success). */
  codespace: string;
  /** Stable string error code, e.g. "budgets.voucher_expired" ("" on success). */
  error: string;
  /** Human sentence that says what went wrong and what to do ("" on success). */
  log: string;
  events: LedgerEvent[];
  /** Accounts and organisations the tx touched, sorted, unique. */
  participants: string[];
  /** Amount moved in euro cents, as a decimal string, when the tx moves money. */
  amount?: string;
}

export interface CheckTxResult {
  code: number;
  codespace: string;
  error: string;
  log: string;
  /** Hex sha256 of the canonical signed tx. Empty when the bytes could not be decoded. */
  hash: string;
  signer: string;
  nonce: number;
}

export interface InfoResult {
  chainId: string;
  lastBlockHeight: number;
  /** Hex; empty string before InitChain. */
  lastBlockAppHash: string;
  version: string;
}

export interface InitChainResult {
  appHash: string;
  validators: ValidatorUpdate[];
}

export interface FinalizeBlockRequest {
  height: number;
  /** RFC 3339 UTC timestamp with millisecond precision, decided by consensus. */
  time: string;
  /** Raw tx bytes as they were gossiped / submitted (canonical JSON of a signed tx). */
  txs: Uint8Array[];
  /** Hex address/public key of the proposer, informational. */
  proposer: string;
}

export interface FinalizeBlockResult {
  txResults: TxResult[];
  validatorUpdates: ValidatorUpdate[];
  /** App hash after executing this block (hex). */
  appHash: string;
  /** Hashes of the txs, in block order (hex). */
  txHashes: string[];
  /** Hash of the application's own block header for this height (see app-store BlockHeader). */
  blockHash: string;
}

export interface QueryRequest {
  path: string;
  /** Query data, path-specific (usually a key or an id). */
  data: string;
  /** 0 = latest committed height. */
  height?: number;
  prove?: boolean;
}

export interface QueryResult {
  code: number;
  log: string;
  height: number;
  value: unknown;
  proof?: unknown;
}

export type CheckTxKind = 'new' | 'recheck';

export interface Application {
  info(): InfoResult;
  initChain(genesis: unknown): InitChainResult;
  checkTx(tx: Uint8Array, kind: CheckTxKind): CheckTxResult;
  finalizeBlock(req: FinalizeBlockRequest): FinalizeBlockResult;
  /** Persists state, height and app hash atomically. Returns the retain height (0 = keep all). */
  commit(): { retainHeight: number };
  query(req: QueryRequest): QueryResult;
}
