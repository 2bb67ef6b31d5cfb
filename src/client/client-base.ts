// The Ketenboek REST client (base /v1), for the node and the browser: fetch only, and signing
// through a SignFn or signer object so this file never imports node:crypto. Use the entry that
// binds a default SignFn: ./index.ts (node) or ./browser.ts.
import { canonicalJson } from '../core/canonical.ts';
import { type SignedTx, signingBytes, TX_VERSION, type TxEnvelope } from '../core/tx.ts';
import { apiErrorFrom, KetenboekApiError, KetenboekNetworkError, KetenboekTxFailedError } from './errors.ts';
import { type EventSubscription, type EventsOptions, subscribeEvents } from './events.ts';
import type { ModuleClientContext, SendOptions } from './message-sender.ts';
import { createModuleClients, type ModuleClients } from './modules/index.ts';
import { type Signer, type SignFn, signWith } from './signer.ts';
import type {
  Account,
  Anchor,
  Block,
  BlockSummary,
  CommittedTx,
  LedgerStreamEvent,
  NodeStatus,
  Organisation,
  Page,
  PageOptions,
  PendingTx,
  Proposal,
  ProposalStatus,
  StateProof,
  SubmitResult,
  TxRecord,
  TxSummary,
} from './types.ts';

export interface KetenboekClientOptions {
  /** The node's URL, e.g. http://127.0.0.1:8080 (a trailing /v1 is accepted too). */
  baseUrl: string;
  /** Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /** Signs with a key pair's private key; not needed when every signer is a signer object. */
  sign?: SignFn;
}

export type Query = Record<string, string | number | boolean | undefined>;

// The one refusal worth retrying by itself: another writer with the same key took the nonce.
const BAD_NONCE = 'tx.bad_nonce';

// Declaration merging gives the class a typed property per module helper (client.anchor, ...),
// assigned in the constructor from MODULE_CLIENTS.
export interface KetenboekClientBase extends ModuleClients {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: see the interface above
export class KetenboekClientBase implements ModuleClientContext {
  /** The node's URL as given (without /v1). */
  readonly nodeUrl: string;
  /** The API base, nodeUrl + /v1. */
  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #sign: SignFn | undefined;
  #chainId: Promise<string> | undefined;
  // Sends from one signer run one after another, so each reads the nonce its predecessor left.
  readonly #signerQueues = new Map<string, Promise<unknown>>();

  constructor(opts: KetenboekClientOptions) {
    const base = opts.baseUrl.replace(/\/+$/, '');
    this.nodeUrl = base.replace(/\/v1$/, '');
    this.baseUrl = `${this.nodeUrl}/v1`;
    this.#fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.#sign = opts.sign;
    Object.assign(this, createModuleClients(this));
  }

  // ---- reads -------------------------------------------------------------------------------

  status(): Promise<NodeStatus> {
    return this.get('/status');
  }

  block(height: number): Promise<Block> {
    return this.get(`/blocks/${height}`);
  }

  blocks(opts: PageOptions = {}): Promise<Page<BlockSummary>> {
    return this.get('/blocks', { limit: opts.limit, before: opts.before });
  }

  tx(hash: string): Promise<TxRecord> {
    return this.get(`/transactions/${encodeURIComponent(hash)}`);
  }

  /** Txs that concern an account (public key) or organisation (OIN), newest first. */
  txsOf(account: string, opts: PageOptions = {}): Promise<Page<TxSummary>> {
    return this.get('/transactions', { account, limit: opts.limit, before: opts.before });
  }

  account(pubKey: string): Promise<Account> {
    return this.get(`/accounts/${encodeURIComponent(pubKey)}`);
  }

  organisations(): Promise<Page<Organisation>> {
    return this.get('/organisations');
  }

  organisation(oin: string): Promise<Organisation> {
    return this.get(`/organisations/${encodeURIComponent(oin)}`);
  }

  proposals(status?: ProposalStatus): Promise<Page<Proposal>> {
    return this.get('/proposals', { status });
  }

  proposal(id: string): Promise<Proposal> {
    return this.get(`/proposals/${encodeURIComponent(id)}`);
  }

  // client.anchor(hash) and client.anchor.create(...) come from modules/anchor.ts.
  /** Anchors in hash order; `after` is the last hash of the previous page. */
  anchors(opts: { limit?: number; after?: string } = {}): Promise<Page<Anchor>> {
    return this.get('/anchors', { limit: opts.limit, after: opts.after });
  }

  /** Proof that a state key has its value (or is absent) at the latest height. */
  stateProof(key: string): Promise<StateProof> {
    return this.get(`/state-proofs/${encodeURIComponent(key)}`);
  }

  /** Follows GET /v1/events until closed; see EventsOptions for filters and resuming. */
  events(opts: EventsOptions, onEvent: (event: LedgerStreamEvent) => void): EventSubscription {
    const query = new URLSearchParams();
    if (opts.types?.length) query.set('types', opts.types.join(','));
    if (opts.participant) query.set('participant', opts.participant);
    const url = `${this.baseUrl}/events${query.size > 0 ? `?${query}` : ''}`;
    return subscribeEvents(
      async (lastEventId, signal) => {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
        try {
          return await this.#fetch(url, { headers, signal });
        } catch (e) {
          if (signal.aborted) throw e;
          throw new KetenboekNetworkError(this.nodeUrl, e);
        }
      },
      opts,
      onEvent,
    );
  }

  /** GET any route under /v1 (for module routes without a helper yet). */
  async get<T>(path: string, query?: Query): Promise<T> {
    const res = await this.#request('GET', path, query);
    return (await res.json()) as T;
  }

  // ---- writes ------------------------------------------------------------------------------

  buildTx<B>(p: { chainId: string; type: string; signer: string; nonce: number; body: B }): TxEnvelope<B> {
    return {
      v: TX_VERSION,
      chainId: p.chainId,
      type: p.type,
      signer: p.signer,
      nonce: p.nonce,
      body: p.body,
    };
  }

  async signTx<B>(env: TxEnvelope<B>, signer: Signer): Promise<SignedTx<B>> {
    if (signer.publicKey !== env.signer) {
      throw new Error(`the tx names signer ${env.signer} but the key is ${signer.publicKey}`);
    }
    return { ...env, sig: await signWith(signer, signingBytes(env), this.#sign) };
  }

  submit(tx: SignedTx, opts: { wait: false }): Promise<PendingTx>;
  submit(tx: SignedTx, opts?: { wait?: true }): Promise<CommittedTx>;
  submit(tx: SignedTx, opts?: SendOptions): Promise<SubmitResult>;
  /** POSTs a signed tx. With wait (default), resolves once committed; a refusal throws KetenboekApiError. */
  async submit(tx: SignedTx, opts: SendOptions = {}): Promise<SubmitResult> {
    const wait = opts.wait ?? true;
    const res = await this.#request(
      'POST',
      '/transactions',
      wait ? { wait: 'commit' } : undefined,
      canonicalJson(tx),
    );
    return (await res.json()) as SubmitResult;
  }

  send<B>(signer: Signer, type: string, body: B, opts: { wait: false }): Promise<PendingTx>;
  send<B>(signer: Signer, type: string, body: B, opts?: { wait?: true }): Promise<CommittedTx>;
  send<B>(signer: Signer, type: string, body: B, opts?: SendOptions): Promise<SubmitResult>;
  /**
   * Builds, signs and submits one message with the signer's next nonce. Resolves to the committed
   * tx (or the pending one with wait: false). Throws KetenboekApiError when the node refuses it and
   * KetenboekTxFailedError when it was committed with a non-zero result code.
   */
  send<B>(signer: Signer, type: string, body: B, opts: SendOptions = {}): Promise<SubmitResult> {
    const previous = this.#signerQueues.get(signer.publicKey) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.#sendNow(signer, type, body, opts));
    this.#signerQueues.set(signer.publicKey, run);
    const cleanup = () => {
      if (this.#signerQueues.get(signer.publicKey) === run) this.#signerQueues.delete(signer.publicKey);
    };
    run.then(cleanup, cleanup);
    return run;
  }

  /** The chain id, asked once per client. */
  chainId(): Promise<string> {
    this.#chainId ??= this.status().then(
      (s) => s.chainId,
      (e) => {
        this.#chainId = undefined;
        throw e;
      },
    );
    return this.#chainId;
  }

  async #sendNow<B>(signer: Signer, type: string, body: B, opts: SendOptions): Promise<SubmitResult> {
    const attempt = async () => {
      const [chainId, account] = await Promise.all([this.chainId(), this.account(signer.publicKey)]);
      const env = this.buildTx({ chainId, type, signer: signer.publicKey, nonce: account.nextNonce, body });
      return this.submit(await this.signTx(env, signer), opts);
    };
    let result: SubmitResult;
    try {
      result = await attempt();
    } catch (e) {
      if (!(e instanceof KetenboekApiError) || e.code !== BAD_NONCE) throw e;
      result = await attempt();
    }
    // The API reports a committed refusal as 422 (see errors.ts); this guards a node that answers 201.
    if (result.status === 'committed' && result.result.code !== 0)
      throw KetenboekTxFailedError.fromCommitted(result);
    return result;
  }

  async #request(method: string, path: string, query?: Query, body?: string): Promise<Response> {
    let url = `${this.baseUrl}${path}`;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
    if (params.size > 0) url += `?${params}`;
    const init: RequestInit = { method, headers: { accept: 'application/json, application/problem+json' } };
    if (body !== undefined) {
      init.body = body;
      init.headers = { ...init.headers, 'content-type': 'application/json' };
    }
    let res: Response;
    try {
      res = await this.#fetch(url, init);
    } catch (e) {
      throw new KetenboekNetworkError(this.nodeUrl, e);
    }
    if (!res.ok) throw await apiErrorFrom(res);
    return res;
  }
}
