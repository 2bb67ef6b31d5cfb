import { CheckTxType, type Request } from 'cosmjs-types/tendermint/abci/types';
import { describe, expect, it } from 'vitest';
import {
  AbciFrameError,
  createRequestDecoder,
  createResponseDecoder,
  encodeRequestFrame,
  encodeResponseFrames,
  encodeUvarint,
} from './abci-wire.ts';

const requests: Request[] = [
  { echo: { message: 'x'.repeat(300) } }, // body > 127 bytes: two-byte length varint
  { flush: {} }, // empty sub-message must still be present on the wire
  { checkTx: { tx: Uint8Array.of(1, 2, 3), type: CheckTxType.RECHECK } },
];
const stream = Buffer.concat(requests.map(encodeRequestFrame));

describe('ABCI framing', () => {
  it('encodes lengths as unsigned varints', () => {
    expect([...encodeUvarint(0)]).toEqual([0]);
    expect([...encodeUvarint(127)]).toEqual([127]);
    expect([...encodeUvarint(300)]).toEqual([0xac, 0x02]);
  });

  it('decodes the same requests whatever the chunk boundaries', () => {
    for (const chunkSize of [1, 2, 3, 7, 64, stream.length]) {
      const decoder = createRequestDecoder();
      const decoded: Request[] = [];
      for (let i = 0; i < stream.length; i += chunkSize) {
        decoded.push(...decoder.push(stream.subarray(i, i + chunkSize)));
      }
      expect(decoded.map((r) => Object.keys(r).filter((k) => r[k as keyof Request] !== undefined))).toEqual([
        ['echo'],
        ['flush'],
        ['checkTx'],
      ]);
      expect(decoded[0]?.echo?.message).toHaveLength(300);
      expect(decoded[2]?.checkTx).toEqual({ tx: Uint8Array.of(1, 2, 3), type: CheckTxType.RECHECK });
      expect(decoder.hasPartialFrame).toBe(false);
    }
  });

  it('keeps a partial frame until the rest arrives', () => {
    const decoder = createRequestDecoder();
    expect(decoder.push(stream.subarray(0, 5))).toEqual([]);
    expect(decoder.hasPartialFrame).toBe(true);
  });

  it('decoded bytes do not alias the chunk they came from', () => {
    const chunk = Buffer.from(encodeRequestFrame({ checkTx: { tx: Uint8Array.of(9, 9), type: 0 } }));
    const [request] = createRequestDecoder().push(chunk);
    chunk.fill(0);
    expect(request?.checkTx?.tx).toEqual(Uint8Array.of(9, 9));
  });

  it('round-trips responses', () => {
    const [response] = createResponseDecoder().push(
      encodeResponseFrames([{ commit: { retainHeight: 42n } }]),
    );
    expect(response?.commit?.retainHeight).toBe(42n);
  });

  it('rejects a frame length beyond any real CometBFT message', () => {
    const decoder = createRequestDecoder();
    expect(() => decoder.push(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x7f))).toThrow(AbciFrameError);
  });
});
