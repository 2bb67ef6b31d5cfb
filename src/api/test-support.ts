// Helpers for the API tests: a throwaway chain behind a real HTTP server on 127.0.0.1, and a
// minimal server-sent-events reader on top of fetch.
import { createHash } from 'node:crypto';
import { encodeSignedTx } from '../core/tx.ts';
import { signTx } from '../core/tx-node.ts';
import type { LedgerNode } from '../engines/ledger-node.ts';
import {
  createTestChain,
  type TestChain,
  type TestChainOptions,
  type TestKey,
} from '../testing/test-chain.ts';
import { type ApiOptions, serveApi } from './server.ts';

export interface TestApi {
  chain: TestChain;
  url: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: Uint8Array | string, headers?: Record<string, string>): Promise<Response>;
  /** POSTs a tx to /v1/transactions as application/json. */
  submit(bytes: Uint8Array | string, query?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApi(
  opts: { chain?: TestChainOptions; api?: ApiOptions; node?: (chain: TestChain) => LedgerNode } = {},
): Promise<TestApi> {
  const chain = await createTestChain(opts.chain);
  const node = opts.node ? opts.node(chain) : chain.engine;
  const server = await serveApi(node, { port: 0, ...opts.api });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });
  const post = (path: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { method: 'POST', body: body as BodyInit, headers });
  return {
    chain,
    url: server.url,
    get,
    post,
    submit: (bytes, query = '') =>
      post(`/v1/transactions${query}`, bytes, { 'Content-Type': 'application/json' }),
    async close() {
      await server.close();
      await chain.stop();
    },
  };
}

/** The test chain's engine as a LedgerNode, with some of its answers replaced (for failure paths). */
export function engineWith(
  chain: TestChain,
  overrides: Partial<Pick<LedgerNode, 'submit' | 'waitForCommit'>>,
): LedgerNode {
  const { engine } = chain;
  return {
    engine: engine.engine,
    app: engine.app,
    events: engine.events,
    nodePubKey: engine.nodePubKey,
    mempoolSize: () => engine.mempoolSize(),
    submit: (bytes) => engine.submit(bytes),
    stop: () => engine.stop(),
    waitForCommit: (hash, ms) => engine.waitForCommit(hash, ms),
    ...overrides,
  };
}

/** A waitForCommit that reports the tx committed at height 7 with the anchor module's refusal. */
export const committedAsAlreadyAnchored: LedgerNode['waitForCommit'] = async (hash) => ({
  hash,
  height: 7,
  index: 2,
  result: {
    code: 1,
    codespace: 'anchor',
    error: 'anchor.already_anchored',
    log: 'This hash was already anchored at height 3.',
    events: [],
    participants: [],
  },
});

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

let docCounter = 0;
/** An anchor.create body for a fresh fake document. */
export function anchorBody(label = 'Testdocument'): { hash: string; label: string } {
  docCounter += 1;
  return { hash: sha256Hex(`document ${docCounter} ${Math.random()}`), label };
}

/** Signs a tx with explicit envelope fields (for wrong chain ids and the like). */
export function signWith(
  key: TestKey,
  env: { chainId: string; type: string; nonce: number; body: unknown },
): Uint8Array {
  return encodeSignedTx(signTx({ v: 1, signer: key.publicKey, ...env }, key.privateKey));
}

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface SseReader {
  response: Response;
  /** The next event (comments are collected in `comments`); rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Resolves with no event if none arrives within `ms` (to assert silence). */
  nextOrNone(ms: number): Promise<SseEvent | undefined>;
  comments: string[];
  close(): void;
}

export async function openEvents(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const comments: string[] = [];
  const ready: SseEvent[] = [];
  let buffer = '';
  let pending: Promise<void> | undefined;

  const pump = async () => {
    const { done, value } = await reader.read();
    if (done) throw new Error('event stream ended');
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const ev: SseEvent = { data: '' };
      const data: string[] = [];
      let isEvent = false;
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else if (line.startsWith('data: ')) {
          data.push(line.slice(6));
          isEvent = true;
        } else if (line.startsWith('id: ')) ev.id = line.slice(4);
        else if (line.startsWith('event: ')) ev.event = line.slice(7);
      }
      if (isEvent) ready.push({ ...ev, data: data.join('\n') });
      cut = buffer.indexOf('\n\n');
    }
  };
  const fill = () => (pending ??= pump().finally(() => (pending = undefined)));

  const nextOrNone = async (ms: number): Promise<SseEvent | undefined> => {
    const deadline = Date.now() + ms;
    while (ready.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      const timedOut = await Promise.race([
        fill().then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), left)),
      ]);
      if (timedOut) return undefined;
    }
    return ready.shift();
  };
  return {
    response,
    comments,
    nextOrNone,
    async next(timeoutMs = 5000) {
      const ev = await nextOrNone(timeoutMs);
      if (!ev) throw new Error(`no event within ${timeoutMs} ms`);
      return ev;
    },
    close: () => controller.abort(),
  };
}
