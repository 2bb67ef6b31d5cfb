// ABCI socket server: CometBFT connects (four times) to this address and drives the Application.
// Requests on one connection are answered strictly in order; because the Application is
// synchronous, each chunk's requests are handled to completion in one go, and the answers go out
// in one write (which also covers "flush writes on Flush"). Only an optional `prepare` step
// (signature checks on worker threads) makes a connection's chunk, and the chunks after it, wait.
import { rmSync } from 'node:fs';
import net from 'node:net';
import type { Request, Response } from 'cosmjs-types/tendermint/abci/types';
import type { Application } from '../../app/types.ts';
import { AbciFatalError, type ConsensusHooks, createAbciRequestHandler } from './abci-handler.ts';
import { createRequestDecoder, encodeResponseFrames } from './abci-wire.ts';

export interface AbciServerOptions {
  app: Application;
  /** `tcp://host:port` (port 0 picks a free one) or `unix:///path/to.sock`, as in CometBFT's proxy_app. */
  address: string;
  /**
   * Called once when the node must stop (the app threw in FinalizeBlock, Commit, Info or
   * InitChain). The server stops answering before calling it. Default: log and exit(1).
   */
  onFatal?: (error: Error) => void;
  /** Diagnostics that are not fatal (broken connections). Default: stderr. */
  log?: (line: string) => void;
  /** Proposal and vote-extension behaviour beyond the Application interface. */
  consensus?: ConsensusHooks;
  /**
   * Work to finish before a chunk's requests are handled (verifying CheckTx signatures on worker
   * threads). Later requests on that connection wait for it, so answers stay in order; the other
   * connections, consensus among them, go on meanwhile. Must not reject. Undefined: nothing to wait for.
   */
  prepare?: (requests: Request[]) => Promise<void> | undefined;
}

export interface AbciServer {
  /** The address actually listened on, in `tcp://host:port` or `unix://path` form. */
  address: string;
  close(): Promise<void>;
}

type ListenTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

export function parseAbciAddress(address: string): ListenTarget {
  if (address.startsWith('unix://')) return { kind: 'unix', path: address.slice('unix://'.length) };
  const hostPort = address.startsWith('tcp://') ? address.slice('tcp://'.length) : address;
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(hostPort);
  if (!match) throw new Error(`ABCI address must be tcp://host:port or unix://path, got "${address}"`);
  return { kind: 'tcp', host: match[1] ?? match[2]!, port: Number(match[3]) };
}

function defaultOnFatal(error: Error): void {
  console.error(`\nFATAL: ${error.message}`);
  if (error.cause instanceof Error && error.cause.stack) console.error(error.cause.stack);
  console.error('Stopping the process: CometBFT must not continue with an app in an unknown state.\n');
  process.exit(1);
}

export async function startAbciServer(options: AbciServerOptions): Promise<AbciServer> {
  const target = parseAbciAddress(options.address);
  const onFatal = options.onFatal ?? defaultOnFatal;
  const log = options.log ?? ((line: string) => console.error(line));
  const handle = createAbciRequestHandler(options.app, options.consensus);
  const sockets = new Set<net.Socket>();
  let failed = false;

  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    // Drop every connection so CometBFT gets no further answers from an app in a bad state.
    for (const socket of sockets) socket.destroy();
    onFatal(error);
  };

  const server = net.createServer((socket) => {
    if (failed) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = createRequestDecoder();

    // Chunks whose requests wait for `prepare`, in arrival order; undefined when none do.
    let waiting: Promise<void> | undefined;

    const dropConnection = (error: unknown) => {
      if (error instanceof AbciFatalError) {
        fail(error);
      } else {
        // Corrupt framing or a bug in translation: this connection cannot be trusted any more,
        // and CometBFT stops on a lost connection, which is what we want.
        log(`ABCI connection dropped: ${error instanceof Error ? error.message : String(error)}`);
        socket.destroy();
      }
    };

    const answer = (requests: Request[]) => {
      if (failed || socket.destroyed) return;
      let answers: Uint8Array;
      try {
        const responses: Response[] = [];
        for (const request of requests) responses.push(handle(request));
        answers = encodeResponseFrames(responses);
      } catch (error) {
        dropConnection(error);
        return;
      }
      // Respect backpressure: stop reading until CometBFT has taken our answers.
      if (!socket.write(answers)) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    };

    socket.on('data', (chunk: Buffer) => {
      if (failed) return;
      let requests: Request[];
      try {
        requests = decoder.push(chunk);
      } catch (error) {
        dropConnection(error);
        return;
      }
      if (requests.length === 0) return;
      const ready = options.prepare?.(requests);
      if (!ready && !waiting) {
        answer(requests);
        return;
      }
      const turn = Promise.all([waiting, ready]).then(() => answer(requests));
      waiting = turn;
      void turn.finally(() => {
        if (waiting === turn) waiting = undefined;
      });
    });
    socket.on('error', (error) => log(`ABCI connection error: ${error.message}`));
    socket.on('close', () => {
      sockets.delete(socket);
      if (decoder.hasPartialFrame && !failed) log('ABCI connection closed in the middle of a request');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const listening = () => {
      server.off('error', reject);
      resolve();
    };
    if (target.kind === 'unix') server.listen(target.path, listening);
    else server.listen(target.port, target.host, listening);
  });
  server.on('error', (error) => log(`ABCI server error: ${error.message}`));

  const bound = server.address();
  const address =
    target.kind === 'unix'
      ? `unix://${target.path}`
      : `tcp://${formatHost(target.host)}:${typeof bound === 'object' && bound ? bound.port : target.port}`;

  return {
    address,
    close: () =>
      new Promise<void>((resolve) => {
        // CometBFT never closes its connections itself, so server.close() alone would hang.
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          if (target.kind === 'unix') rmSync(target.path, { force: true });
          resolve();
        });
      }),
  };
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
