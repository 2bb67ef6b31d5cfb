// A node that cannot listen says why in words an operator can act on, and keeps the system code.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestChain, type TestChain } from '../testing/test-chain.ts';
import { explainListenError, serveApi } from './server.ts';

describe('serveApi when it cannot listen', () => {
  let chain: TestChain;
  let holder: Server;
  let busyPort: number;
  beforeAll(async () => {
    chain = await createTestChain();
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    busyPort = (holder.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    await chain.stop();
  });

  it('names the port in use and what to do', async () => {
    const failed = serveApi(chain.engine, { port: busyPort });
    await expect(failed).rejects.toThrow(
      `port ${busyPort} on 127.0.0.1 is already in use (another node or program listens there): stop it or choose another port`,
    );
    await expect(failed).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('names an address this machine does not have', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address, and nothing is sent to it.
    await expect(serveApi(chain.engine, { host: '192.0.2.1', port: 0 })).rejects.toMatchObject({
      code: 'EADDRNOTAVAIL',
      message: '192.0.2.1 is not an address of this machine: choose one it has, such as 127.0.0.1',
    });
  });

  it('explains a privileged port, and passes other errors on unchanged', () => {
    const denied = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:80'), {
      code: 'EACCES',
    });
    expect(explainListenError(denied, '127.0.0.1', 80).message).toBe(
      'no permission to listen on port 80 on 127.0.0.1 (ports below 1024 need privileges): choose a port from 1024 up',
    );
    const other = Object.assign(new Error('listen EINVAL'), { code: 'EINVAL' });
    expect(explainListenError(other, '127.0.0.1', 1)).toBe(other);
  });
});
