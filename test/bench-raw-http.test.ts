// The HTTP benchmark's figures are only as good as its client: it must read every answer whole,
// however the bytes arrive, and tell a committed tx from a refusal.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawHttpConnection } from '../bench/raw-http-connection.ts';
import { anchorBody, startTestApi, type TestApi } from '../src/api/test-support.ts';

describe('the benchmark’s raw HTTP connection against a node', () => {
  let t: TestApi;
  let connection: RawHttpConnection;
  beforeAll(async () => {
    t = await startTestApi();
    const url = new URL(t.url);
    connection = new RawHttpConnection(url.hostname, Number(url.port));
  });
  afterAll(async () => {
    connection.close();
    await t.close();
  });

  it('gets 201 committed for a good tx and the problem for a replay, on one keep-alive connection', async () => {
    const tx = t.chain.sign(t.chain.newAccount(), 'anchor.create', anchorBody());
    const first = await connection.post('/v1/transactions?wait=commit', tx);
    expect(first.status).toBe(201);
    expect(JSON.parse(first.body.toString())).toMatchObject({ status: 'committed', result: { code: 0 } });
    const again = await connection.post('/v1/transactions?wait=commit', tx);
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body.toString()).code).toBe('tx.duplicate');
  });
});

describe('the benchmark’s raw HTTP connection reading answers in pieces', () => {
  let server: Server;
  let port: number;
  const answer = (body: string) =>
    `HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  beforeAll(async () => {
    // Answers the first request one byte per write, the second in one write.
    server = createServer((socket) => {
      let n = 0;
      socket.on('data', () => {
        n += 1;
        const text = answer(JSON.stringify({ n, note: 'één' }));
        if (n === 1) {
          for (const byte of Buffer.from(text)) socket.write(Buffer.from([byte]));
        } else socket.write(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('puts the answer together whole and keeps answers apart', async () => {
    const connection = new RawHttpConnection('127.0.0.1', port);
    try {
      const one = await connection.post('/x', Buffer.from('{}'));
      expect(one.status).toBe(202);
      expect(JSON.parse(one.body.toString())).toEqual({ n: 1, note: 'één' });
      const two = await connection.post('/x', Buffer.from('{}'));
      expect(JSON.parse(two.body.toString())).toEqual({ n: 2, note: 'één' });
    } finally {
      connection.close();
    }
  });

  it('rejects when the server closes the connection before answering', async () => {
    const closing = createServer((socket) => socket.on('data', () => socket.destroy()));
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    const connection = new RawHttpConnection('127.0.0.1', (closing.address() as { port: number }).port);
    try {
      await expect(connection.post('/x', Buffer.from('{}'))).rejects.toThrow(/closed/);
    } finally {
      connection.close();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    }
  });
});
