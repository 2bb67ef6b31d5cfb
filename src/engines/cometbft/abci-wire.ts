// ABCI socket framing: every message is an unsigned varint byte length followed by the protobuf
// bytes of a `tendermint.abci.Request` (CometBFT → app) or `Response` (app → CometBFT).
// TCP delivers arbitrary chunks, so the decoder must cope with frames split anywhere and with
// several frames in one chunk.
import { BinaryWriter } from 'cosmjs-types/binary';
import { Request, Response } from 'cosmjs-types/tendermint/abci/types';

/**
 * Larger than any frame CometBFT can send (blocks are capped at 100 MB by consensus params).
 * A bigger length means the stream is corrupt, and buffering it would only exhaust memory.
 */
export const MAX_FRAME_BYTES = 128 * 1024 * 1024;

/** A uint64 varint is at most 10 bytes. */
const MAX_VARINT_BYTES = 10;

export class AbciFrameError extends Error {}

export function encodeUvarint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`varint value must be a non-negative safe integer, got ${value}`);
  }
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

export function encodeFrame(body: Uint8Array): Uint8Array {
  const header = encodeUvarint(body.length);
  const frame = new Uint8Array(header.length + body.length);
  frame.set(header, 0);
  frame.set(body, header.length);
  return frame;
}

/**
 * Several responses as consecutive frames in one buffer. Protobuf's length-delimited encoding
 * (varint length, then the message) is exactly ABCI's framing, so one writer holds them all: no
 * per-response buffer, header and copy, which under load was a visible part of the app's work.
 */
export function encodeResponseFrames(responses: Response[]): Uint8Array {
  const writer = BinaryWriter.create();
  for (const response of responses) Response.encode(response, writer.fork()).ldelim();
  return writer.finish();
}

/** Used by tests (and any future client) to talk to the server like CometBFT does. */
export function encodeRequestFrame(request: Request): Uint8Array {
  return encodeFrame(Request.encode(request).finish());
}

/**
 * Reassembles frames from TCP chunks. `push` returns every message completed by the chunk, in
 * stream order. Each frame body is copied into its own buffer, so decoded `bytes` fields (which
 * cosmjs-types returns as subarrays) never alias socket buffers.
 */
export class AbciFrameDecoder<T> {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  /** Body length of the frame being assembled, once its header has been read. */
  private bodyLength: number | undefined;

  constructor(private readonly decodeBody: (body: Uint8Array) => T) {}

  push(chunk: Uint8Array): T[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const messages: T[] = [];
    for (;;) {
      if (this.bodyLength === undefined) {
        const header = this.peekHeader();
        if (header === undefined) break;
        this.take(header.headerBytes);
        this.bodyLength = header.bodyLength;
      }
      if (this.buffered < this.bodyLength) break;
      const body = this.take(this.bodyLength);
      this.bodyLength = undefined;
      messages.push(this.decodeBody(body));
    }
    return messages;
  }

  /** True while a frame has started but not completed; at connection close that means truncation. */
  get hasPartialFrame(): boolean {
    return this.buffered > 0 || this.bodyLength !== undefined;
  }

  private peekHeader(): { bodyLength: number; headerBytes: number } | undefined {
    let value = 0;
    let scale = 1;
    let index = 0;
    for (const chunk of this.chunks) {
      for (const byte of chunk) {
        value += (byte & 0x7f) * scale;
        index += 1;
        if ((byte & 0x80) === 0) {
          if (value > MAX_FRAME_BYTES) {
            throw new AbciFrameError(`ABCI frame of ${value} bytes exceeds limit of ${MAX_FRAME_BYTES}`);
          }
          return { bodyLength: value, headerBytes: index };
        }
        scale *= 0x80;
        if (index >= MAX_VARINT_BYTES || value > MAX_FRAME_BYTES) {
          throw new AbciFrameError('ABCI frame length varint is malformed or too large');
        }
      }
    }
    return undefined;
  }

  /** Removes `count` bytes (count <= buffered) from the front and returns them as a fresh copy. */
  private take(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.chunks[0]!;
      const n = Math.min(head.length, count - filled);
      out.set(head.subarray(0, n), filled);
      filled += n;
      if (n === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(n);
    }
    this.buffered -= count;
    return out;
  }
}

export function createRequestDecoder(): AbciFrameDecoder<Request> {
  return new AbciFrameDecoder((body) => Request.decode(body));
}

export function createResponseDecoder(): AbciFrameDecoder<Response> {
  return new AbciFrameDecoder((body) => Response.decode(body));
}
