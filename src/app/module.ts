// What a domain module gives the application. Modules own their state keys (a prefix equal to
// their name), messages, errors and events; they reach other modules only through those modules'
// exported keeper functions, never through their keys.
import type { ZodType } from 'zod';
import type { ErrorDefinition } from '../core/errors.ts';
import type { KVRead, KVWrite } from './kv.ts';
import type { ValidatorUpdate } from './types.ts';

export type EventValue = string | number | bigint | boolean;

export interface BlockContext {
  readonly chainId: string;
  readonly height: number;
  /** Block time, RFC 3339 UTC with milliseconds (e.g. 2026-11-28T09:00:00.000Z). Never the wall clock. */
  readonly time: string;
  readonly kv: KVWrite;
  emit(type: string, attributes: Record<string, EventValue>): void;
  addValidatorUpdate(update: ValidatorUpdate): void;
}

export interface TxContext extends BlockContext {
  readonly txHash: string;
  /** Public key (hex) of the account that signed the tx. */
  readonly signer: string;
  /** 'check' when validating for the mempool; 'deliver' when executing a block. Handlers behave the same. */
  readonly mode: 'check' | 'deliver';
  /** Records accounts or organisations the tx concerns (the signer is always included). */
  involve(...participants: string[]): void;
  /** Records the amount (euro cents) the tx moves; shown in the explorer and receipts. */
  setAmount(cents: bigint): void;
}

export interface MessageDef<B = unknown> {
  /** "<module>.<message>", e.g. "anchor.create". */
  type: string;
  /** Validates the body; every issue is reported at once. */
  schema: ZodType<B>;
  handle(ctx: TxContext, body: B): void;
  /** One line for docs, the CLI and the OpenAPI description. */
  summary: string;
}

export interface Genesis {
  chainId: string;
  genesisTime: string;
  [section: string]: unknown;
}

export interface Module {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each message has its own body type; the app checks it with the schema.
  messages: MessageDef<any>[];
  /** Runs once at InitChain, in module order. */
  initGenesis?(ctx: BlockContext, genesis: Genesis): void;
  /** Runs after the txs of every block (deadlines, expiries), in module order. */
  endBlock?(ctx: BlockContext): void;
  /** Read-only queries by name, reachable over ABCI Query as "/<module>/<name>" with JSON params. */
  queries?: Record<string, (kv: KVRead, params: Record<string, string>) => unknown>;
  /** Its error registries (what defineErrors returns), so the API answers each refusal with its own status. */
  errors?: ReadonlyArray<{ readonly [name: string]: ErrorDefinition | string }>;
}

/** Read-only state for queries; exported so API, CLI and tests share one implementation. */
export type QueryKV = KVRead;

export function defineMessage<B>(def: MessageDef<B>): MessageDef<B> {
  return def;
}
