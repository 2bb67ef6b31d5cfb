// Hands a checked tx to CometBFT's mempool with broadcast_tx_sync and turns the answer back into
// the CheckTxResult every engine returns. broadcast_tx_sync reports code, data, log and codespace
// of CheckTx but not `info`, so the ABCI handler also puts the stable error code in `data`.
import type { CheckTxResult } from '../../app/types.ts';
import { LedgerError } from '../../core/errors.ts';
import { TxErrors } from '../../core/tx-errors.ts';
import type { DecodedTx } from '../../core/tx-node.ts';
import { postJson } from './rpc-post.ts';

/** The JSON shape of ResultBroadcastTx (v0.38): `data` is hex, `hash` uppercase hex. */
export interface BroadcastTxResult {
  code: number;
  data: string;
  log: string;
  codespace: string;
  hash: string;
}

/** The RPC failed before CometBFT ran CheckTx: the node is down or still starting. */
export class CometbftUnavailableError extends Error {
  constructor(rpcUrl: string, cause: unknown) {
    super(
      `CometBFT at ${rpcUrl} did not take the transaction (${cause instanceof Error ? cause.message : String(cause)}); nothing was submitted. Try again once the node runs.`,
      { cause },
    );
    this.name = 'CometbftUnavailableError';
  }
}

export async function broadcastTxSync(
  rpcUrl: string,
  decoded: DecodedTx,
  isCommitted: (hash: string) => boolean,
): Promise<CheckTxResult> {
  const { hash, tx } = decoded;
  let body: { result?: BroadcastTxResult; error?: { message: string; data?: string } };
  try {
    body = await postJson(rpcUrl, {
      jsonrpc: '2.0',
      id: 1,
      method: 'broadcast_tx_sync',
      // The canonical bytes, so that CometBFT's tx hash (sha256 of the bytes) is the ledger's hash.
      params: { tx: Buffer.from(decoded.canonical, 'utf8').toString('base64') },
    });
  } catch (error) {
    throw new CometbftUnavailableError(rpcUrl, error);
  }
  if (body.error)
    return refusalFromRpcError(`${body.error.message} ${body.error.data ?? ''}`, decoded, isCommitted);
  const result = body.result!;
  if (result.code === 0)
    return { code: 0, codespace: '', error: '', log: '', hash, signer: tx.signer, nonce: tx.nonce };
  return {
    code: result.code,
    codespace: result.codespace,
    error: errorCodeOf(result),
    log: result.log,
    hash,
    signer: tx.signer,
    nonce: tx.nonce,
  };
}

function errorCodeOf(result: BroadcastTxResult): string {
  const fromData = result.data ? Buffer.from(result.data, 'hex').toString('utf8') : '';
  // An older handler (or another app) may leave data empty: fall back to the codespace.
  return fromData || `${result.codespace || 'abci'}.unknown`;
}

/**
 * CometBFT answers some refusals as RPC errors, before CheckTx runs. Those that describe the tx
 * become the ledger's own refusals; anything else is the node being unable to take it.
 */
export function refusalFromRpcError(
  message: string,
  decoded: DecodedTx,
  isCommitted: (hash: string) => boolean,
): CheckTxResult {
  const { hash, tx } = decoded;
  const refuse = (e: LedgerError): CheckTxResult => ({
    code: e.definition.abciCode,
    codespace: e.definition.codespace,
    error: e.definition.code,
    log: e.message,
    hash,
    signer: tx.signer,
    nonce: tx.nonce,
  });
  // CometBFT keeps a cache of recently seen txs, committed ones included.
  if (/tx already exists in cache/i.test(message)) {
    return refuse(
      new LedgerError(
        TxErrors.duplicate,
        isCommitted(hash)
          ? 'This transaction is already on the ledger.'
          : 'This transaction is already waiting in the mempool.',
      ),
    );
  }
  if (/mempool is full/i.test(message)) {
    return refuse(
      new LedgerError(TxErrors.mempool_full, 'The node is busy: its mempool is full. Try again in a moment.'),
    );
  }
  if (/tx too large/i.test(message)) {
    return refuse(
      new LedgerError(TxErrors.too_large, `CometBFT refused the transaction as too large: ${message.trim()}`),
    );
  }
  throw new Error(`CometBFT refused the transaction: ${message.trim()}`);
}
