// What a module's client helpers get from the client: a way to send one message type and a way to
// read the module's routes. Helpers stay one-liners (see modules/anchor.ts).
import type { Signer } from './signer.ts';
import type { CommittedTx, PendingTx, SubmitResult } from './types.ts';

export interface SendOptions {
  /** Wait until the tx is committed (default true). */
  wait?: boolean;
}

export interface ModuleClientContext {
  send(signer: Signer, type: string, body: unknown, opts?: SendOptions): Promise<SubmitResult>;
  get<T>(path: string, query?: Record<string, string | number | boolean | undefined>): Promise<T>;
}

/** Sends one message type: resolves to the committed tx, or the pending one with `{ wait: false }`. */
export interface MessageSender<B> {
  (signer: Signer, body: B, opts?: { wait?: true }): Promise<CommittedTx>;
  (signer: Signer, body: B, opts: { wait: false }): Promise<PendingTx>;
  (signer: Signer, body: B, opts?: SendOptions): Promise<SubmitResult>;
  readonly type: string;
}

export function messageSender<B>(ctx: ModuleClientContext, type: string): MessageSender<B> {
  const send = (signer: Signer, body: B, opts?: SendOptions) => ctx.send(signer, type, body, opts);
  return Object.assign(send, { type }) as MessageSender<B>;
}
