// Pure translations between the protobuf shapes of cosmjs-types (bigint int64s, Uint8Array
// bytes, {seconds, nanos} timestamps) and the app's shapes (numbers, hex strings, RFC 3339).
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { Timestamp } from 'cosmjs-types/google/protobuf/timestamp';
import type {
  Event,
  ExecTxResult,
  ValidatorUpdate as ProtoValidatorUpdate,
} from 'cosmjs-types/tendermint/abci/types';
import type { LedgerEvent, TxResult, ValidatorUpdate } from '../../app/types.ts';

export { bytesToHex, hexToBytes };

const utf8Encoder = new TextEncoder();
// fatal: a query key that is not valid UTF-8 should not silently turn into U+FFFD.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** int64 from the wire → number; heights and powers stay far below 2^53 in practice. */
export function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} ${value} does not fit in a safe integer`);
  return n;
}

export function toInt64(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/**
 * RFC 3339 UTC with exactly millisecond precision. Nanoseconds are truncated (never rounded) so
 * every node derives the same string from the same block time.
 */
export function timestampToRfc3339(time: Timestamp): string {
  const millis = Number(time.seconds) * 1000 + Math.floor(time.nanos / 1_000_000);
  return new Date(millis).toISOString();
}

export function toProtoValidatorUpdate(update: ValidatorUpdate): ProtoValidatorUpdate {
  const key = hexToBytes(update.pubKey);
  if (key.length !== 32) {
    throw new RangeError(`validator ed25519 public key must be 32 bytes, got ${key.length}`);
  }
  return { pubKey: { ed25519: key }, power: toInt64(update.power, 'validator power') };
}

export function toProtoEvent(event: LedgerEvent): Event {
  return {
    type: event.type,
    // index: true so CometBFT's tx indexer makes every attribute searchable via tx_search.
    attributes: event.attributes.map((a) => ({ key: a.key, value: a.value, index: true })),
  };
}

export function toExecTxResult(result: TxResult): ExecTxResult {
  return {
    code: result.code,
    data: new Uint8Array(),
    log: result.log,
    // The stable string error code travels in `info` so RPC clients can branch on it.
    info: result.error,
    gasWanted: 0n,
    gasUsed: 0n,
    events: result.events.map(toProtoEvent),
    codespace: result.codespace,
  };
}

/** Size of one `bytes` field (tag + length varint + payload) in the block's `Data` message. */
function txProtoSize(tx: Uint8Array): number {
  let varintBytes = 1;
  for (let n = tx.length; n >= 0x80; n = Math.floor(n / 0x80)) varintBytes += 1;
  return 1 + varintBytes + tx.length;
}

/**
 * The longest prefix of `txs` that fits in `maxTxBytes`. CometBFT counts each tx with its
 * protobuf framing (types.Txs.Validate), so we do too; counting raw bytes could return a
 * proposal CometBFT rejects. Stops at the first tx that does not fit, to keep mempool order.
 */
export function takeTxsWithinLimit(txs: Uint8Array[], maxTxBytes: bigint): Uint8Array[] {
  const limit = Number(maxTxBytes);
  const taken: Uint8Array[] = [];
  let size = 0;
  for (const tx of txs) {
    size += txProtoSize(tx);
    if (size > limit) break;
    taken.push(tx);
  }
  return taken;
}
