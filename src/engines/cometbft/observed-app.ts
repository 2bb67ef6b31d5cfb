// The Application the ABCI server drives: the node's LedgerApp, unchanged, plus what the engine
// needs from the outside: every durable commit (to resolve waiters and emit 'block'), and mempool
// txs refused on recheck (to fail their waiters at once instead of by timeout).
//
// It also remembers each tx it decoded for CheckTx until the tx is committed or dropped: CometBFT
// rechecks every waiting tx after every block and then hands it over once more in FinalizeBlock,
// and parsing, canonicalising and hashing it again each time was most of the app's work under load.
import type { LedgerApp } from '../../app/ledger-app.ts';
import type {
  Application,
  CheckTxKind,
  CheckTxResult,
  FinalizeBlockRequest,
  FinalizeBlockResult,
  TxResult,
} from '../../app/types.ts';
import { LedgerError } from '../../core/errors.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { TxErrors } from '../../core/tx-errors.ts';
import { type DecodedTx, decodeTx } from '../../core/tx-node.ts';
import { listOrgs } from '../../modules/identity/state.ts';
import { decodeSignaturesTx, type SignaturesTx } from './block-signatures.ts';
import { cometbftAddress } from './cometbft-keys.ts';

export interface AppObserver {
  /** Called after LedgerApp.commit() returned: the block is on disk. */
  committed(height: number): void;
  /** A tx already in CometBFT's mempool no longer passes CheckTx after a block; CometBFT drops it. */
  recheckRefused(result: CheckTxResult): void;
}

/** More than CometBFT's mempool holds (config mempool.size); beyond it the oldest are forgotten. */
const DECODED_CACHE_SIZE = 50_000;

export interface ObservedApplication extends Application {
  /**
   * A tx this process decoded already (the engine does, for its own REST API): CheckTx will find
   * it instead of decoding the same bytes again. Only for canonical bytes, which hash to tx.hash.
   */
  noteDecoded(tx: DecodedTx): void;
  /**
   * Decodes a tx CheckTx is about to see (and keeps the decoding for it), so its signature can be
   * verified elsewhere first. Undefined for bytes that do not decode: CheckTx words that refusal.
   */
  predecode(bytes: Uint8Array): DecodedTx | undefined;
}

export function observeApplication(app: LedgerApp, observer: AppObserver): ObservedApplication {
  // Keyed by sha256 of the raw bytes: equal bytes, equal decoding.
  const decoded = new Map<string, DecodedTx>();
  const remember = (key: string, tx: DecodedTx) => {
    decoded.set(key, tx);
    if (decoded.size > DECODED_CACHE_SIZE) decoded.delete(decoded.keys().next().value as string);
  };

  const checkTx = (bytes: Uint8Array, kind: CheckTxKind): CheckTxResult => {
    const key = sha256Hex(bytes);
    let tx = decoded.get(key);
    if (!tx) {
      try {
        tx = decodeTx(bytes);
      } catch {
        return app.checkTx(bytes, kind); // the app words the refusal
      }
    }
    const result = app.checkDecoded(tx, kind);
    if (result.code === 0) remember(key, tx);
    else {
      decoded.delete(key);
      if (kind === 'recheck') observer.recheckRefused(result);
    }
    return result;
  };

  // Validator signatures for an earlier app block, carried by this block (block-signatures.ts);
  // stored in the same SQLite transaction as this block.
  let pendingSignatures: SignaturesTx | undefined;

  const finalizeBlock = (req: FinalizeBlockRequest): FinalizeBlockResult => {
    // ProcessProposal let at most one through, first in the block; the app never sees it.
    const signatures = req.txs.length > 0 ? decodeSignaturesTx(req.txs[0]!) : undefined;
    const appTxs = signatures ? req.txs.slice(1) : req.txs;
    const txs = appTxs.map((bytes) => {
      const key = sha256Hex(bytes);
      const known = decoded.get(key);
      decoded.delete(key);
      return known ?? decodeOrError(bytes);
    });
    const result = app.finalizeDecoded(
      { ...req, txs: appTxs, proposer: proposerKey(app, req.proposer) },
      txs,
    );
    pendingSignatures = signatures;
    if (!signatures) return result;
    // CometBFT wants one result per tx of its block, the signatures tx included.
    return {
      ...result,
      txResults: [SIGNATURES_TX_RESULT, ...result.txResults],
      txHashes: [sha256Hex(req.txs[0]!), ...result.txHashes],
    };
  };

  const commit = () => {
    const signatures = pendingSignatures;
    pendingSignatures = undefined;
    if (!signatures) return app.commit();
    // better-sqlite3 nests app.commit()'s transaction in this one: one durable write for both.
    return app.store.db.transaction(() => {
      app.store.setBlockSignatures(signatures.height, signatures.signatures);
      return app.commit();
    })();
  };

  return {
    info: () => app.info(),
    initChain: (genesis) => app.initChain(genesis),
    checkTx,
    finalizeBlock,
    commit() {
      const result = commit();
      observer.committed(app.lastHeight);
      return result;
    },
    query: (req) => app.query(req),
    noteDecoded: (tx) => remember(tx.hash, tx),
    predecode(bytes) {
      const key = sha256Hex(bytes);
      const known = decoded.get(key);
      if (known) return known;
      try {
        const tx = decodeTx(bytes);
        remember(key, tx); // checkTx forgets it again if the tx is refused
        return tx;
      } catch {
        return undefined;
      }
    },
  };
}

const SIGNATURES_TX_RESULT: TxResult = {
  code: 0,
  codespace: '',
  error: '',
  log: 'validator signatures of an earlier block',
  events: [],
  participants: [],
};

/** Exactly what LedgerApp.finalizeBlock does with bytes it cannot decode, so results stay identical. */
function decodeOrError(bytes: Uint8Array): DecodedTx | LedgerError {
  try {
    return decodeTx(bytes);
  } catch (e) {
    return e instanceof LedgerError ? e : new LedgerError(TxErrors.malformed, (e as Error).message);
  }
}

/**
 * CometBFT names the proposer by its 20-byte address; the app's headers (and the embedded engine)
 * name it by public key, which the explorer can link to an organisation. The lookup reads only
 * committed state, so every node, and every replay, derives the same header. A validator that
 * was just removed can still propose for two heights; then the address itself is kept.
 */
function proposerKey(app: LedgerApp, address: string): string {
  const wanted = address.toUpperCase();
  for (const org of listOrgs(app.committed)) {
    if (org.validator && cometbftAddress(org.validator.pubKey) === wanted) return org.validator.pubKey;
  }
  return address;
}
