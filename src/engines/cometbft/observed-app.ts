// The Application the ABCI server drives: the node's LedgerApp, unchanged, plus what the engine
// needs to see from the outside: every durable commit (to resolve waiters and emit 'block'), and
// mempool txs refused on recheck (to fail their waiters at once instead of by timeout).
import type { LedgerApp } from '../../app/ledger-app.ts';
import type { Application, CheckTxResult } from '../../app/types.ts';
import { listOrgs } from '../../modules/identity/state.ts';
import { cometbftAddress } from './cometbft-keys.ts';

export interface AppObserver {
  /** Called after LedgerApp.commit() returned: the block is on disk. */
  committed(height: number): void;
  /** A tx already in CometBFT's mempool no longer passes CheckTx after a block; CometBFT drops it. */
  recheckRefused(result: CheckTxResult): void;
}

export function observeApplication(app: LedgerApp, observer: AppObserver): Application {
  return {
    info: () => app.info(),
    initChain: (genesis) => app.initChain(genesis),
    checkTx(tx, kind) {
      const result = app.checkTx(tx, kind);
      if (kind === 'recheck' && result.code !== 0) observer.recheckRefused(result);
      return result;
    },
    finalizeBlock: (req) => app.finalizeBlock({ ...req, proposer: proposerKey(app, req.proposer) }),
    commit() {
      const result = app.commit();
      observer.committed(app.lastHeight);
      return result;
    },
    query: (req) => app.query(req),
  };
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
