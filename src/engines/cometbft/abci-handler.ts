// Answers one ABCI request by calling the (synchronous) Application. CometBFT opens four
// connections without saying which is which, so dispatch is purely on the request's oneof field.
//
// Error policy: a `Response.exception` makes CometBFT stop itself, so ordinary failures become a
// non-zero `code`. Where the response has no code (Info, InitChain) or where CometBFT cannot
// continue safely (FinalizeBlock, Commit: the app's state would diverge from the chain), the
// handler throws AbciFatalError and the server stops the process.
import {
  CheckTxType,
  type Request,
  type RequestCheckTx,
  type RequestExtendVote,
  type RequestFinalizeBlock,
  type RequestInitChain,
  type RequestPrepareProposal,
  type RequestProcessProposal,
  type RequestQuery,
  type RequestVerifyVoteExtension,
  type Response,
  ResponseApplySnapshotChunk_Result,
  type ResponseCheckTx,
  ResponseOfferSnapshot_Result,
  ResponseProcessProposal_ProposalStatus,
  type ResponseQuery,
  ResponseVerifyVoteExtension_VerifyStatus,
} from 'cosmjs-types/tendermint/abci/types';
import type { Application } from '../../app/types.ts';
import {
  bytesToHex,
  fromUtf8,
  hexToBytes,
  takeTxsWithinLimit,
  timestampToRfc3339,
  toExecTxResult,
  toInt64,
  toProtoValidatorUpdate,
  toSafeNumber,
  utf8,
} from './abci-convert.ts';

/** Codespace and code used when the app throws instead of returning a result. */
export const INTERNAL_ERROR_CODESPACE = 'abci';
export const INTERNAL_ERROR_CODE = 1;

/** Thrown when the node must not continue; carries which request failed. */
export class AbciFatalError extends Error {
  constructor(
    readonly requestType: string,
    cause: unknown,
  ) {
    super(`ABCI ${requestType} failed, CometBFT cannot continue safely: ${describe(cause)}`, { cause });
    this.name = 'AbciFatalError';
  }
}

export type AbciRequestHandler = (request: Request) => Response;

/**
 * What the app adds to consensus beyond the Application interface (block-signatures.ts). Without
 * hooks proposals hold the mempool's txs, every proposal is accepted and extensions are empty.
 */
export interface ConsensusHooks {
  /** A tx the proposer puts first in its block, if any. */
  proposalPrefixTx?(req: RequestPrepareProposal): Uint8Array | undefined;
  /** Must the proposal be accepted? Throwing counts as no. */
  acceptProposal?(req: RequestProcessProposal): boolean;
  extendVote?(req: RequestExtendVote): Uint8Array;
  /** Is another validator's extension acceptable? Throwing counts as no. */
  acceptVoteExtension?(req: RequestVerifyVoteExtension): boolean;
}

export function createAbciRequestHandler(app: Application, hooks: ConsensusHooks = {}): AbciRequestHandler {
  return (request) => {
    if (request.flush) return { flush: {} };
    if (request.echo) return { echo: { message: request.echo.message } };
    if (request.info) return { info: fatalOnThrow('Info', () => info(app)) };
    if (request.initChain)
      return { initChain: fatalOnThrow('InitChain', () => initChain(app, request.initChain!)) };
    if (request.checkTx) return { checkTx: checkTx(app, request.checkTx) };
    if (request.query) return { query: query(app, request.query) };
    if (request.prepareProposal)
      return { prepareProposal: { txs: prepareProposal(request.prepareProposal, hooks) } };
    // UNKNOWN (the proto default) makes CometBFT panic, so always answer explicitly.
    if (request.processProposal) {
      const accept = saysYes(() => hooks.acceptProposal?.(request.processProposal!) ?? true);
      return {
        processProposal: {
          status: accept
            ? ResponseProcessProposal_ProposalStatus.ACCEPT
            : ResponseProcessProposal_ProposalStatus.REJECT,
        },
      };
    }
    if (request.extendVote) {
      // Without an extension the vote still counts; only the app's own block signature is missing.
      let voteExtension: Uint8Array = new Uint8Array();
      try {
        voteExtension = hooks.extendVote?.(request.extendVote) ?? voteExtension;
      } catch {}
      return { extendVote: { voteExtension } };
    }
    if (request.verifyVoteExtension) {
      const accept = saysYes(() => hooks.acceptVoteExtension?.(request.verifyVoteExtension!) ?? true);
      return {
        verifyVoteExtension: {
          status: accept
            ? ResponseVerifyVoteExtension_VerifyStatus.ACCEPT
            : ResponseVerifyVoteExtension_VerifyStatus.REJECT,
        },
      };
    }
    if (request.finalizeBlock) {
      return {
        finalizeBlock: fatalOnThrow('FinalizeBlock', () => finalizeBlock(app, request.finalizeBlock!)),
      };
    }
    if (request.commit) {
      return {
        commit: fatalOnThrow('Commit', () => ({
          retainHeight: toInt64(app.commit().retainHeight, 'retain height'),
        })),
      };
    }
    // State sync is not offered: no snapshots, and anything offered is refused outright.
    if (request.listSnapshots) return { listSnapshots: { snapshots: [] } };
    if (request.offerSnapshot) return { offerSnapshot: { result: ResponseOfferSnapshot_Result.ABORT } };
    if (request.loadSnapshotChunk) return { loadSnapshotChunk: { chunk: new Uint8Array() } };
    if (request.applySnapshotChunk) {
      return {
        applySnapshotChunk: {
          result: ResponseApplySnapshotChunk_Result.ABORT,
          refetchChunks: [],
          rejectSenders: [],
        },
      };
    }
    // Only reachable if CometBFT speaks a newer protocol than ours: a genuine protocol error.
    return { exception: { error: 'unsupported ABCI request (empty or unknown oneof field)' } };
  };
}

function prepareProposal(request: RequestPrepareProposal, hooks: ConsensusHooks): Uint8Array[] {
  let first: Uint8Array | undefined;
  try {
    first = hooks.proposalPrefixTx?.(request);
  } catch {
    first = undefined; // a block without it is still a good block
  }
  const size = first ? BigInt(txBytes(first)) : 0n;
  if (!first || size > request.maxTxBytes) return takeTxsWithinLimit(request.txs, request.maxTxBytes);
  return [first, ...takeTxsWithinLimit(request.txs, request.maxTxBytes - size)];
}

function txBytes(tx: Uint8Array): number {
  // The same framing CometBFT counts (see takeTxsWithinLimit): tag, length varint, payload.
  let varint = 1;
  for (let n = tx.length; n >= 0x80; n = Math.floor(n / 0x80)) varint += 1;
  return 1 + varint + tx.length;
}

function saysYes(decide: () => boolean): boolean {
  try {
    return decide();
  } catch {
    return false;
  }
}

function info(app: Application): NonNullable<Response['info']> {
  const result = app.info();
  return {
    data: result.chainId,
    version: result.version,
    appVersion: 0n,
    lastBlockHeight: toInt64(result.lastBlockHeight, 'last block height'),
    lastBlockAppHash: hexToBytes(result.lastBlockAppHash),
  };
}

function initChain(app: Application, request: RequestInitChain): NonNullable<Response['initChain']> {
  // A genesis without app_state arrives as empty bytes: treat it as an empty object.
  const genesis: unknown =
    request.appStateBytes.length === 0 ? {} : JSON.parse(fromUtf8(request.appStateBytes));
  const result = app.initChain(genesis);
  return {
    // Empty validators tell CometBFT to keep the ones from genesis.json.
    validators: result.validators.map(toProtoValidatorUpdate),
    appHash: hexToBytes(result.appHash),
  };
}

function checkTx(app: Application, request: RequestCheckTx): ResponseCheckTx {
  const kind = request.type === CheckTxType.RECHECK ? 'recheck' : 'new';
  try {
    const result = app.checkTx(request.tx, kind);
    return {
      code: result.code,
      // broadcast_tx_sync returns code, data, log and codespace but not info: the stable error
      // code goes in data too, so a client of CometBFT's RPC can branch on it.
      data: utf8(result.error),
      log: result.log,
      info: result.error,
      gasWanted: 0n,
      gasUsed: 0n,
      events: [],
      codespace: result.codespace,
    };
  } catch (error) {
    return {
      code: INTERNAL_ERROR_CODE,
      data: utf8('abci.internal_error'),
      log: `internal error while checking the transaction: ${describe(error)}`,
      info: 'abci.internal_error',
      gasWanted: 0n,
      gasUsed: 0n,
      events: [],
      codespace: INTERNAL_ERROR_CODESPACE,
    };
  }
}

function query(app: Application, request: RequestQuery): ResponseQuery {
  const base: ResponseQuery = {
    code: 0,
    log: '',
    info: '',
    index: 0n,
    key: request.data,
    value: new Uint8Array(),
    proofOps: undefined,
    height: 0n,
    codespace: '',
  };
  try {
    const result = app.query({
      path: request.path,
      data: fromUtf8(request.data),
      height: toSafeNumber(request.height, 'query height'),
      prove: request.prove,
    });
    return {
      ...base,
      code: result.code,
      log: result.log,
      value: result.value === undefined ? new Uint8Array() : utf8(JSON.stringify(result.value)),
      height: toInt64(result.height, 'query result height'),
      // The app's proof is opaque JSON; one op of our own type keeps it intact for clients.
      proofOps:
        result.proof === undefined
          ? undefined
          : {
              ops: [{ type: 'ketenboek.json', key: request.data, data: utf8(JSON.stringify(result.proof)) }],
            },
    };
  } catch (error) {
    return {
      ...base,
      code: INTERNAL_ERROR_CODE,
      codespace: INTERNAL_ERROR_CODESPACE,
      log: `internal error while answering query ${request.path}: ${describe(error)}`,
    };
  }
}

function finalizeBlock(
  app: Application,
  request: RequestFinalizeBlock,
): NonNullable<Response['finalizeBlock']> {
  const result = app.finalizeBlock({
    height: toSafeNumber(request.height, 'block height'),
    time: timestampToRfc3339(request.time),
    txs: request.txs,
    proposer: bytesToHex(request.proposerAddress),
  });
  if (result.txResults.length !== request.txs.length) {
    throw new Error(
      `app returned ${result.txResults.length} tx results for a block with ${request.txs.length} txs`,
    );
  }
  return {
    // The app's own block hash, so RPC and websocket clients can link CometBFT's block to the
    // app's (GET /v1/blocks/{height}). Events are not part of any hash CometBFT agrees on.
    events: [
      { type: 'ketenboek.block', attributes: [{ key: 'hash', value: result.blockHash, index: true }] },
    ],
    txResults: result.txResults.map(toExecTxResult),
    validatorUpdates: result.validatorUpdates.map(toProtoValidatorUpdate),
    consensusParamUpdates: undefined,
    appHash: hexToBytes(result.appHash),
  };
}

function fatalOnThrow<T>(requestType: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new AbciFatalError(requestType, error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
