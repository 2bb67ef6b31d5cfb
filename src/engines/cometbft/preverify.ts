// Verifies the signatures of new txs on worker threads before CheckTx runs them, so the thread
// that also answers consensus (proposals, FinalizeBlock, Commit) does not spend its time on them.
// The app is only told which signatures passed; a failed or missing check changes nothing, as
// the app then verifies again itself and refuses with its own words: results never depend on it.
//
// The txs of one chunk (and of all chunks read in the same event-loop turn) go to the workers as
// one message (SignatureWorkers batches per turn). Holding them back a few milliseconds to make
// bigger batches was tried and cost more CPU than the messages it saved.
import { CheckTxType, type Request } from 'cosmjs-types/tendermint/abci/types';
import type { LedgerApp } from '../../app/ledger-app.ts';
import type { DecodedTx } from '../../core/tx-node.ts';
import { SignatureWorkers } from '../embedded/signature-workers.ts';

export class CheckTxPreverifier {
  private readonly workers: SignatureWorkers;

  constructor(
    private readonly app: LedgerApp,
    /** The decoding CheckTx will use (ObservedApplication.predecode). */
    private readonly predecode: (bytes: Uint8Array) => DecodedTx | undefined,
    threads: number,
  ) {
    this.workers = new SignatureWorkers(threads);
  }

  /** For AbciServerOptions.prepare: resolves once the new txs among `requests` are checked. */
  prepare(requests: Request[]): Promise<void> | undefined {
    const checks: Array<Promise<void>> = [];
    for (const request of requests) {
      if (!request.checkTx || request.checkTx.type === CheckTxType.RECHECK) continue;
      const tx = this.predecode(request.checkTx.tx);
      if (!tx) continue;
      checks.push(
        this.workers.verify(tx.canonical).then((ok) => {
          if (ok) this.app.notePreverified(tx.hash);
        }),
      );
    }
    return checks.length === 0 ? undefined : Promise.all(checks).then(() => {});
  }

  /** Stops the workers; checks still running resolve as failed, so CheckTx verifies those itself. */
  close(): Promise<void> {
    return this.workers.close();
  }
}
