// Whether ports are free on 127.0.0.1, so `init` and `start` fail with the port's number instead of
// a node dying later with EADDRINUSE in its log.
import net from 'node:net';
import type { NodePorts } from './network-layout.ts';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The ports among `ports` that are taken, as "name port" strings. */
export async function takenPorts(ports: NodePorts): Promise<string[]> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) taken.push(`${name} ${port}`);
  }
  return taken;
}

/**
 * A base port whose whole range (count nodes × 10 ports) is free right now, picked at random in
 * [from, to). For tests, which must not collide with another network on the same machine. The
 * default range lies below Linux's ephemeral ports (32768–60999): a port there can be taken at any
 * moment by an outgoing connection or a server on port 0 of a test running alongside, between the
 * network's init and the start of its last node (seen in CI: a fifth node's API port).
 */
export async function findFreeBasePort(count: number, from = 20_000, to = 32_000): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = from + 10 * Math.floor((Math.random() * (to - from - 10 * count)) / 10);
    let free = true;
    for (let port = base; port < base + 10 * count && free; port++) free = await isPortFree(port);
    if (free) return base;
  }
  throw new Error(`no free range of ${10 * count} ports found between ${from} and ${to}`);
}
