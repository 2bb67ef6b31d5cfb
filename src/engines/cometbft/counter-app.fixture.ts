// A tiny Application for the engine's tests: every accepted tx increments a counter, and the app
// hash is the counter as 8 big-endian bytes. It records what the engine handed it so tests can
// check the translation. Txs are UTF-8 text; the text decides how CheckTx behaves.
import type {
  Application,
  CheckTxKind,
  CheckTxResult,
  FinalizeBlockRequest,
  FinalizeBlockResult,
  InfoResult,
  InitChainResult,
  QueryRequest,
  QueryResult,
} from '../../app/types.ts';

/** Txs starting with this prefix are valid. */
export const VALID_TX_PREFIX = 'tx-';
/** A tx with exactly this text makes checkTx throw, like an app bug would. */
export const THROWING_TX = 'throw';
export const REJECTED_CODE = 7;

export interface CounterApp extends Application {
  readonly checked: { tx: string; kind: CheckTxKind }[];
  readonly finalized: FinalizeBlockRequest[];
  readonly genesis: unknown[];
  /** Make the next finalizeBlock throw (simulates tamper / a bug). */
  failNextFinalize: boolean;
}

function hashOf(count: number): string {
  return count.toString(16).padStart(16, '0');
}

export function createCounterApp(): CounterApp {
  let pendingCount = 0;
  let committed = { height: 0, count: 0, appHash: '' };
  let pendingHeight = 0;
  const textOf = (tx: Uint8Array) => new TextDecoder().decode(tx);

  const app: CounterApp = {
    checked: [],
    finalized: [],
    genesis: [],
    failNextFinalize: false,

    info(): InfoResult {
      return {
        chainId: 'counter',
        lastBlockHeight: committed.height,
        lastBlockAppHash: committed.appHash,
        version: 'counter-1',
      };
    },

    initChain(genesis: unknown): InitChainResult {
      app.genesis.push(genesis);
      committed = { height: 0, count: 0, appHash: hashOf(0) };
      pendingCount = 0;
      return { appHash: hashOf(0), validators: [] };
    },

    checkTx(tx: Uint8Array, kind: CheckTxKind): CheckTxResult {
      const text = textOf(tx);
      app.checked.push({ tx: text, kind });
      if (text === THROWING_TX) throw new Error('counter app exploded on purpose');
      const ok = text.startsWith(VALID_TX_PREFIX);
      return {
        code: ok ? 0 : REJECTED_CODE,
        codespace: ok ? '' : 'counter',
        error: ok ? '' : 'counter.bad_prefix',
        log: ok ? '' : `Tx must start with "${VALID_TX_PREFIX}".`,
        hash: '',
        signer: '',
        nonce: 0,
      };
    },

    finalizeBlock(req: FinalizeBlockRequest): FinalizeBlockResult {
      if (app.failNextFinalize) {
        app.failNextFinalize = false;
        throw new Error('state tampered');
      }
      app.finalized.push(req);
      pendingHeight = req.height;
      pendingCount = committed.count;
      const txResults = req.txs.map((tx) => {
        pendingCount += 1;
        return {
          code: 0,
          codespace: '',
          error: '',
          log: '',
          events: [{ type: 'counter.incremented', attributes: [{ key: 'tx', value: textOf(tx) }] }],
          participants: [],
        };
      });
      return { txResults, validatorUpdates: [], appHash: hashOf(pendingCount), txHashes: [], blockHash: '' };
    },

    commit() {
      committed = { height: pendingHeight, count: pendingCount, appHash: hashOf(pendingCount) };
      return { retainHeight: 0 };
    },

    query(req: QueryRequest): QueryResult {
      if (req.path !== 'count') {
        return { code: 4, log: `unknown query path ${req.path}`, height: committed.height, value: null };
      }
      return { code: 0, log: '', height: committed.height, value: { count: committed.count } };
    },
  };
  return app;
}
